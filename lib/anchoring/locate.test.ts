import { describe, expect, it } from "vitest";
import { describeSpan } from "./describe";
import { locateQuote, verifyAnchor } from "./locate";

// "the talks failed" occurs twice, 65 code units apart, with different surroundings.
const BODY = [
  "On Monday officials said the talks failed because of Ukraine.",
  "By Friday diplomats agreed the talks failed over troop numbers.",
].join("\n\n");
const PHRASE = "the talks failed";
const FIRST = BODY.indexOf(PHRASE);
const SECOND = BODY.indexOf(PHRASE, FIRST + 1);

describe("locateQuote", () => {
  it("has two occurrences to choose from", () => {
    expect(SECOND - FIRST).toBe(65);
  });

  it("uses prefix and suffix to pick the right occurrence of repeated text", () => {
    const first = describeSpan(BODY, FIRST, FIRST + PHRASE.length).quote;
    const second = describeSpan(BODY, SECOND, SECOND + PHRASE.length).quote;
    expect(locateQuote(BODY, first)).toEqual({ start: FIRST, end: FIRST + PHRASE.length });
    expect(locateQuote(BODY, second)).toEqual({ start: SECOND, end: SECOND + PHRASE.length });
    // The suffix alone is enough to tell them apart.
    expect(locateQuote(BODY, { ...second, prefix: "" })?.start).toBe(SECOND);
  });

  it("still picks the right occurrence after text before it changes, even against the old position", () => {
    const second = describeSpan(BODY, SECOND, SECOND + PHRASE.length).quote;
    const inserted = "Editor’s note: this article was updated with new comments.\n\n";
    const revised = inserted + BODY;
    // The old position is now nearer the first occurrence; the context must win over the hint.
    expect(Math.abs(SECOND - (FIRST + inserted.length))).toBeLessThan(inserted.length);
    expect(locateQuote(revised, second, SECOND)).toEqual({
      start: SECOND + inserted.length,
      end: SECOND + inserted.length + PHRASE.length,
    });
    const edited = BODY.replace("On Monday officials said", "Officials told reporters on Monday");
    const shift = edited.length - BODY.length;
    expect(locateQuote(edited, second, SECOND)?.start).toBe(SECOND + shift);
  });

  it("breaks ties in context by nearness to the hint, then by order", () => {
    const body = "Repeat. Repeat. Repeat.";
    const quote = { exact: "Repeat.", prefix: "", suffix: "" };
    expect(locateQuote(body, quote)).toEqual({ start: 0, end: 7 });
    expect(locateQuote(body, quote, 9)).toEqual({ start: 8, end: 15 });
    expect(locateQuote(body, quote, 100)).toEqual({ start: 16, end: 23 });
  });

  it("matches curly quotes byte-exact and does not confuse them with straight ones", () => {
    const body = "He said “we don’t want a war,” then left.";
    expect(locateQuote(body, { exact: "“we don’t want a war,”", prefix: "", suffix: "" })).toEqual({ start: 8, end: 30 });
    expect(locateQuote(body, { exact: "we don't want", prefix: "", suffix: "" })).toBeNull();
    expect(locateQuote(body, { exact: "\"we don’t", prefix: "", suffix: "" })).toBeNull();
  });

  it("finds text across a paragraph break", () => {
    const exact = "Ukraine.\n\nBy Friday";
    expect(locateQuote(BODY, { exact, prefix: "", suffix: "" })?.start).toBe(BODY.indexOf(exact));
  });

  it("returns null for absent or empty text, and never matches half a surrogate pair", () => {
    expect(locateQuote(BODY, { exact: "talks succeeded", prefix: "", suffix: "" })).toBeNull();
    expect(locateQuote(BODY, { exact: "", prefix: "", suffix: "" })).toBeNull();
    const body = "a👍b \uDC4D";
    expect(locateQuote(body, { exact: "\uDC4D", prefix: "", suffix: "" })).toEqual({ start: 5, end: 6 });
    expect(locateQuote("a👍b", { exact: "\uDC4D", prefix: "", suffix: "" })).toBeNull();
  });

  it("counts positions in UTF-16 code units around emoji", () => {
    const body = "Fans 👍🏽 said 𝒳 was great; 𝒳 was great.";
    const at = body.lastIndexOf("𝒳 was great");
    expect(at).toBe(29);
    const quote = describeSpan(body, at, at + "𝒳 was great".length).quote;
    expect(locateQuote(body, quote)).toEqual({ start: 29, end: 41 });
  });
});

describe("verifyAnchor", () => {
  const anchor = describeSpan(BODY, SECOND, SECOND + PHRASE.length);

  it("reports anchored when the stored position still holds the exact text", () => {
    expect(verifyAnchor(BODY, anchor)).toEqual({ state: "anchored" });
  });

  it("reports moved, with the new position, when the text shifted", () => {
    const revised = "A new first paragraph.\n\n" + BODY;
    const result = verifyAnchor(revised, anchor);
    expect(result).toEqual({ state: "moved", start: SECOND + 24, end: SECOND + 24 + PHRASE.length });
    if (result.state === "moved") expect(revised.slice(result.start, result.end)).toBe(PHRASE);
  });

  it("reports moved when the position is out of range but the quote is found", () => {
    const stale = { ...anchor, position: { ...anchor.position, start: 500, end: 516 } };
    expect(verifyAnchor(BODY, stale)).toEqual({ state: "moved", start: SECOND, end: SECOND + PHRASE.length });
  });

  it("reports orphaned when the text is gone", () => {
    expect(verifyAnchor(BODY.replaceAll(PHRASE, "negotiations collapsed"), anchor)).toEqual({ state: "orphaned" });
    expect(verifyAnchor("", anchor)).toEqual({ state: "orphaned" });
  });
});
