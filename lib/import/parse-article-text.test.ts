import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import seedClaims from "./__fixtures__/seed-claims.json";
import { parseArticleText } from "./parse-article-text";

// Read as bytes-to-UTF-8 so curly quotes and trailing spaces reach the parser untouched.
const seed = readFileSync(new URL("./__fixtures__/seed-article.txt", import.meta.url), "utf8");
const MT_URL =
  "https://www.themoscowtimes.com/2024/04/27/no-positive-response-from-us-on-main-ukraine-demand-says-russia";

describe("parseArticleText on the seed article", () => {
  const parsed = parseArticleText(seed);

  it("finds exactly 16 body paragraphs", () => {
    expect(parsed.paragraphs).toHaveLength(16);
    expect(parsed.body).toBe(parsed.paragraphs.join("\n\n"));
  });

  it("trims stray spaces at paragraph edges", () => {
    expect(parsed.paragraphs[0]?.startsWith("Russia is not seeking war")).toBe(true);
    const accused = parsed.paragraphs.find((p) => p.startsWith("He accused"));
    expect(accused).toBe(
      "He accused Western governments “hysterically advancing” the threat of Russia invading Ukraine.",
    );
    for (const p of parsed.paragraphs) expect(p).toBe(p.trim());
  });

  it("keeps curly and straight quotes byte-exact", () => {
    expect(parsed.body).toContain("“If it depends on Russia, there will be no war. We don’t want a war,”");
    expect(parsed.body).toContain("Russia’s demand to halt NATO's expansion");
    expect(parsed.body).toContain("“It's the equivalent of");
    expect(parsed.body).toContain("that's threatening,”");
  });

  it("keeps related-article lines and URLs out of the body", () => {
    expect(parsed.body).not.toContain("Related article");
    expect(parsed.body).not.toContain("http");
  });

  it("links the related article to its URL by slug", () => {
    expect(parsed.relatedLinks).toEqual([
      { title: "No ‘Positive Response’ From U.S. on Main Ukraine Demand, Says Russia", url: MT_URL },
    ]);
  });

  it("collects source URLs de-duplicated in first-seen order", () => {
    expect(parsed.sourceUrls).toEqual([
      {
        url: "https://www.youtube.com/watch?v=cxghDz524HQ",
        canonicalUrl: "https://youtube.com/watch?v=cxghDz524HQ",
      },
      {
        url: MT_URL,
        canonicalUrl:
          "https://themoscowtimes.com/2024/04/27/no-positive-response-from-us-on-main-ukraine-demand-says-russia",
      },
    ]);
  });

  it("contains every marked claim and none of the non-claims", () => {
    for (const claim of seedClaims.claims) expect(parsed.body).toContain(claim.text);
    for (const text of seedClaims.not_claims) expect(parsed.body).not.toContain(text);
  });

  it("is deterministic and idempotent", () => {
    expect(parseArticleText(seed)).toEqual(parsed);
    expect(parseArticleText(parsed.body).paragraphs).toEqual(parsed.paragraphs);
    expect(parseArticleText(parsed.body).body).toBe(parsed.body);
  });
});

describe("parseArticleText on synthetic input", () => {
  it("normalises CRLF and lone CR line endings", () => {
    const parsed = parseArticleText("One\r\ntwo.\r\n\r\nThree\rfour.\r\rFive.");
    expect(parsed.paragraphs).toEqual(["One two.", "Three four.", "Five."]);
  });

  it("treats several blank lines as one separator", () => {
    expect(parseArticleText("\n\nA.\n\n\n\n\nB.\n\n").paragraphs).toEqual(["A.", "B."]);
  });

  it("treats whitespace-only lines as separators", () => {
    expect(parseArticleText("A\nstill A.\n  \t \nB.\n \nC.").paragraphs).toEqual(["A still A.", "B.", "C."]);
  });

  it("collapses tabs and spaces at wrap points only", () => {
    const parsed = parseArticleText("Keep  this\tgap \t\n\t  joined here.");
    expect(parsed.paragraphs).toEqual(["Keep  this\tgap joined here."]);
  });

  it("keeps a line that mentions a URL among other words as text", () => {
    const parsed = parseArticleText("The ministry said\nsee https://example.com/statement for details.");
    expect(parsed.paragraphs).toEqual(["The ministry said see https://example.com/statement for details."]);
    expect(parsed.sourceUrls).toEqual([]);
  });

  it("pulls a bare URL line out of a paragraph and keeps the surrounding text", () => {
    const parsed = parseArticleText("First line\n  https://example.com/a?utm_source=x  \nlast line.");
    expect(parsed.paragraphs).toEqual(["First line last line."]);
    expect(parsed.sourceUrls).toEqual([
      { url: "https://example.com/a?utm_source=x", canonicalUrl: "https://example.com/a" },
    ]);
  });

  it("keeps lines with non-web links as text", () => {
    expect(parseArticleText("ftp://files.example.com/a").paragraphs).toEqual(["ftp://files.example.com/a"]);
  });

  it("leaves a related link without a matching URL unlinked", () => {
    const parsed = parseArticleText("Related article: Something Else Entirely\n\nhttps://example.com/other-story");
    expect(parsed.relatedLinks).toEqual([{ title: "Something Else Entirely", url: null }]);
    expect(parsed.paragraphs).toEqual([]);
    expect(parsed.body).toBe("");
  });

  it("returns nothing for empty input", () => {
    expect(parseArticleText("")).toEqual({ paragraphs: [], body: "", relatedLinks: [], sourceUrls: [] });
  });
});
