import { describe, expect, it } from "vitest";
import { inferSourceType } from "./infer-type";
import { SOURCE_TYPES } from "./vocabulary";

describe("inferSourceType", () => {
  it.each([
    ["https://youtube.com/watch?v=cxghDz524HQ", "video"],
    ["https://www.vimeo.com/123", "video"],
    ["https://rutube.ru/video/abc", "video"],
    ["https://example.org/reports/annual-2021.PDF", "document"],
    ["https://x.com/mfa_russia/status/1", "social_post"],
    ["https://t.me/channel/42", "social_post"],
    ["https://bsky.app/profile/a/post/b", "social_post"],
    ["https://themoscowtimes.com/2022/01/28/lavrov", "article"],
  ])("guesses %s is a %s", (url, type) => {
    expect(inferSourceType(url)).toBe(type);
  });

  it("looks at the path, not the query, for documents", () => {
    expect(inferSourceType("https://example.org/download?file=report.pdf")).toBe("article");
  });

  it("does not mistake a look-alike host for a video site", () => {
    expect(inferSourceType("https://notyoutube.com/watch?v=x")).toBe("article");
  });

  it("always answers with a type the database accepts", () => {
    for (const url of ["https://a.b/c", "https://youtube.com/x", "https://x.com/y", "https://a.b/c.pdf"]) {
      expect(SOURCE_TYPES).toContain(inferSourceType(url));
    }
  });
});
