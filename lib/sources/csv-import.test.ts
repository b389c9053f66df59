import { describe, expect, it } from "vitest";
import { parseImportRow, readHeader } from "./csv-import";

const columns = (header: string[]) => {
  const read = readHeader(header);
  if (typeof read === "string") throw new Error(read);
  return read;
};

describe("CSV import rows", () => {
  it("reads columns by name, whatever their order, case or spacing, and ignores the export's extra ones", () => {
    const map = columns(["ID", " Title ", "URL", "Published On", "publisher_name"]);
    expect(parseImportRow(map, ["7", "A report", "http://www.example.org/r/?utm_source=x", "2026-02-03", "Example"])).toEqual({
      ok: true,
      row: { url: "http://www.example.org/r/?utm_source=x", canonicalUrl: "https://example.org/r", title: "A report", type: "article", publishedOn: "2026-02-03", archivedUrl: null, linkStatus: "unchecked", notes: null },
    });
  });

  it("refuses a header without url, naming what it found", () => {
    expect(readHeader(["link", "title"])).toContain('include "url" (found: link, title)');
  });

  it.each([
    [["", "x"], "url is empty."],
    [["javascript:alert(1)", ""], "url: "],
    [["http://10.0.0.1/admin", ""], "url: "],
    [["https://example.org/a", "podcast"], 'type "podcast" is not one of'],
    [["https://example.org/a", "", "2026-02-30"], 'published_on "2026-02-30" is not a date'],
    [["https://example.org/a", "", "", "broken"], 'link_status "broken" is not one of unchecked, ok, redirected, dead.'],
    [["https://example.org/a", "", "", "", "http://169.254.169.254/"], "archived_url: "],
  ])("rejects %j with a reason", (cells, reason) => {
    const result = parseImportRow(columns(["url", "type", "published_on", "link_status", "archived_url"]), cells);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it("infers the type from the address when the column is empty, like a cited URL", () => {
    const result = parseImportRow(columns(["url", "type"]), ["https://youtu.be/cxghDz524HQ", ""]);
    expect(result).toMatchObject({ ok: true, row: { type: "video", canonicalUrl: "https://youtube.com/watch?v=cxghDz524HQ" } });
  });
});
