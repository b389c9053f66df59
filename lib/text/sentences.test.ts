import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("gives each sentence with offsets that slice it out of the body", () => {
    const body = "Moscow has amassed 100,000 troops. Kyiv said so, too!\n\nA heading\n\nU.S. officials agreed.";
    const spans = splitSentences(body);
    expect(spans.map((s) => s.text)).toEqual(["Moscow has amassed 100,000 troops.", "Kyiv said so, too!", "A heading", "U.S. officials agreed."]);
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("  \n\n ")).toEqual([]);
  });
});
