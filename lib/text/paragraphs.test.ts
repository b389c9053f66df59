import { describe, expect, it } from "vitest";
import { PARAGRAPH_SEPARATOR, splitParagraphs } from "./paragraphs";

const BODIES = [
  "One.",
  "One.\n\nTwo.\n\nThree.",
  "Quote: “We don’t want a war,” he said.\n\nEmoji 🇺🇦 count as two UTF-16 units.\n\nEnd.",
  "Line one\nstill paragraph one.\n\nParagraph two.",
];

describe("splitParagraphs", () => {
  it.each(BODIES)("gives offsets that point back at each paragraph in %j", (body) => {
    for (const paragraph of splitParagraphs(body)) {
      // Claim selectors are body offsets: a paragraph's start must locate its text exactly.
      expect(body.slice(paragraph.start, paragraph.start + paragraph.text.length)).toBe(paragraph.text);
    }
  });

  it.each(BODIES)("round-trips %j through the separator", (body) => {
    expect(splitParagraphs(body).map((p) => p.text).join(PARAGRAPH_SEPARATOR)).toBe(body);
  });

  it("splits on blank lines only, keeping single newlines inside a paragraph", () => {
    expect(splitParagraphs("a\nb\n\nc").map((p) => p.text)).toEqual(["a\nb", "c"]);
  });

  it("counts offsets in UTF-16 code units, as browsers do", () => {
    const [, second] = splitParagraphs("🇺🇦\n\nnext");
    expect(second).toEqual({ text: "next", start: "🇺🇦".length + 2 });
    expect(second?.start).toBe(6);
  });

  it("returns nothing for an empty body and skips empty paragraphs without shifting offsets", () => {
    expect(splitParagraphs("")).toEqual([]);
    const body = "a\n\n\n\nb";
    const paragraphs = splitParagraphs(body);
    expect(paragraphs.map((p) => p.text)).toEqual(["a", "b"]);
    expect(body.slice(paragraphs[1]!.start)).toBe("b");
  });
});
