import { describe, expect, it } from "vitest";
import { markdownToArticleText } from "./markdown-article";
import { parseArticleText } from "./parse-article-text";

describe("markdownToArticleText", () => {
  it("keeps headings as paragraphs of their own, drops rules and images, and turns links into their words plus a source line", () => {
    const markdown = [
      "# Lavrov: “No war”",
      "Russia is not seeking war, he said,",
      "according to [the interview](https://www.youtube.com/watch?v=cxghDz524HQ \"Video\").",
      "",
      "---",
      "![A photo](https://example.com/p.jpg)",
      "See <https://example.com/report> for *more*.",
    ].join("\n");
    const parsed = parseArticleText(markdownToArticleText(markdown));
    expect(parsed.paragraphs).toEqual([
      "Lavrov: “No war”",
      "Russia is not seeking war, he said, according to the interview.",
      "See https://example.com/report for *more*.",
    ]);
    expect(parsed.sourceUrls.map((s) => s.url)).toEqual(["https://www.youtube.com/watch?v=cxghDz524HQ", "https://example.com/report"]);
  });

  it("leaves plain text unchanged, byte for byte", () => {
    const text = "Some 100,000 troops — “reportedly” — 5*3 = 15.\n\nSecond.";
    expect(markdownToArticleText(text)).toBe(text);
  });
});
