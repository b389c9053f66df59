import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import seedClaims from "../import/__fixtures__/seed-claims.json";
import { parseArticleText } from "../import/parse-article-text";
import { describeSpan } from "./describe";
import { locateQuote, verifyAnchor } from "./locate";
import { snapToWordBoundaries } from "./snap";
import { CONTEXT_LENGTH } from "./types";

const raw = readFileSync(new URL("../import/__fixtures__/seed-article.txt", import.meta.url), "utf8");
const body = parseArticleText(raw).body;
const claims = seedClaims.claims.map((claim, i) => ({ n: i + 1, text: claim.text }));

describe("the seed article's claims", () => {
  it("are 18 claims, each occurring exactly once in the body", () => {
    expect(claims).toHaveLength(18);
    for (const { text } of claims) {
      const at = body.indexOf(text);
      expect(at, text).toBeGreaterThanOrEqual(0);
      expect(body.indexOf(text, at + 1), text).toBe(-1);
    }
  });

  it.each(claims)("claim $n: describeSpan keeps the exact text and locateQuote finds it in place", ({ text }) => {
    const start = body.indexOf(text);
    const end = start + text.length;
    const anchor = describeSpan(body, start, end);
    expect(anchor.quote.exact).toBe(text);
    expect(anchor.position).toEqual({ type: "TextPositionSelector", start, end });
    expect(anchor.quote.prefix).toBe(body.slice(Math.max(0, start - CONTEXT_LENGTH), start));
    expect(anchor.quote.suffix).toBe(body.slice(end, end + CONTEXT_LENGTH));
    expect(locateQuote(body, anchor.quote)).toEqual({ start, end });
    expect(locateQuote(body, anchor.quote, 0)).toEqual({ start, end });
    expect(verifyAnchor(body, anchor)).toEqual({ state: "anchored" });
  });

  it.each(claims)("claim $n: a sloppy selection with surrounding whitespace or cut words snaps to it", ({ text }) => {
    const start = body.indexOf(text);
    const end = start + text.length;
    let sloppyStart = start;
    let sloppyEnd = end;
    while (sloppyStart > 0 && /\s/.test(body[sloppyStart - 1] ?? "")) sloppyStart--;
    while (sloppyEnd < body.length && /\s/.test(body[sloppyEnd] ?? "")) sloppyEnd++;
    expect(snapToWordBoundaries(body, sloppyStart, sloppyEnd)).toEqual({ start, end });
    if (/^\p{L}{2}/u.test(text) && /\p{L}{2}$/u.test(text)) {
      expect(snapToWordBoundaries(body, start + 1, end - 1)).toEqual({ start, end });
    }
  });

  it("anchors a selection across a paragraph break", () => {
    const from = body.indexOf("security demands.");
    const to = body.indexOf("depends on Russia");
    const anchor = describeSpan(body, from + 3, to + 2);
    expect(anchor.quote.exact).toBe("security demands.\n\n“If it depends");
    expect(locateQuote(body, anchor.quote)).toEqual({ start: from, end: to + "depends".length });
  });
});
