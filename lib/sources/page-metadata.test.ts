import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dateOf, extractPageMetadata } from "./page-metadata";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");

describe("extractPageMetadata over saved pages", () => {
  it("reads a news article's JSON-LD @graph: headline, every author, publisher, the date as written", () => {
    expect(extractPageMetadata(fixture("news-article-jsonld.html"))).toEqual({
      title: "Unemployment falls to 4.1%, lowest since 2008",
      publisherName: "The Daily Ledger",
      author: "Mina Okafor, Jonas Berg",
      // 22:30 on the 5th in the page's own time zone: the 5th, not the 6th in UTC.
      publishedOn: "2024-03-05",
      type: "article",
    });
  });

  it("prefers Open Graph, decodes entities, and ignores an author that is only a link", () => {
    expect(extractPageMetadata(fixture("open-graph-video.html"))).toEqual({
      title: "Minister's interview, full recording",
      publisherName: "Public Broadcaster & Co",
      author: null,
      publishedOn: "2023-11-30",
      type: "video",
    });
  });

  it("falls back to <title> and plain <meta> tags, whatever their case, with whitespace collapsed", () => {
    expect(extractPageMetadata(fixture("plain-meta.html"))).toEqual({
      title: "Annual report on air quality, 2019",
      publisherName: null,
      author: "Environment Agency statistics team",
      publishedOn: "2019-07-04",
      type: null,
    });
  });

  it("skips a JSON-LD block that does not parse and an impossible date, and runs no script", () => {
    expect(extractPageMetadata(fixture("broken-jsonld.html"))).toEqual({
      title: "Budget tables 2025",
      publisherName: null,
      author: null,
      publishedOn: "2025-01-15",
      type: "dataset",
    });
  });

  it("answers nulls for a page that says nothing, and for text that is not HTML", () => {
    const nothing = { title: null, publisherName: null, author: null, publishedOn: null, type: null };
    expect(extractPageMetadata("<html><head></head><body></body></html>")).toEqual(nothing);
    expect(extractPageMetadata("")).toEqual(nothing);
  });

  it("cuts a title longer than the registry keeps", () => {
    const title = extractPageMetadata(`<title>${"word ".repeat(200)}</title>`).title;
    expect(title?.length).toBe(500);
    expect(title?.endsWith("…")).toBe(true);
  });
});

describe("dateOf", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2024-03-05T23:59:59+14:00", "2024-03-05"],
    ["2024/3/5", "2024-03-05"],
    [" 2024-03-05 10:00", "2024-03-05"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", null],
    ["05/03/2024", null],
    ["yesterday", null],
    ["2024-03-051", null],
  ])("%s -> %s", (input, expected) => expect(dateOf(input)).toBe(expected));
});
