import { describe, expect, it } from "vitest";
import { anchorExactly, describeSpan } from "./describe";
import { CONTEXT_LENGTH } from "./types";

const LONE_EDGE = /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/;

describe("describeSpan", () => {
  const body = "Opening words of the article.\n\nThe minister said “we don’t want a war,” on Friday evening in Moscow.";

  it("builds the quote with 32 code units of context and the matching position", () => {
    const start = body.indexOf("“we");
    const end = body.indexOf(" on Friday");
    const anchor = describeSpan(body, start, end);
    expect(anchor.quote).toEqual({
      type: "TextQuoteSelector",
      exact: "“we don’t want a war,”",
      prefix: body.slice(start - CONTEXT_LENGTH, start),
      suffix: " on Friday evening in Moscow.",
    });
    expect(anchor.quote.prefix).toBe("the article.\n\nThe minister said ");
    expect(anchor.quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(anchor.position).toEqual({ type: "TextPositionSelector", start, end });
  });

  it("shortens context at the edges of the body", () => {
    const first = describeSpan(body, 0, 7);
    expect(first.quote).toMatchObject({ exact: "Opening", prefix: "" });
    const last = describeSpan(body, body.length - 7, body.length);
    expect(last.quote).toMatchObject({ exact: "Moscow.", suffix: "" });
  });

  it("snaps before describing and reports the snapped position", () => {
    const start = body.indexOf("inister");
    const anchor = describeSpan(body, start, start + 12);
    expect(anchor.quote.exact).toBe("minister said");
    expect(anchor.position.start).toBe(start - 1);
  });

  it("describes a span across a paragraph break", () => {
    const start = body.indexOf("article");
    const anchor = describeSpan(body, start, body.indexOf("minister"));
    expect(anchor.quote.exact).toBe("article.\n\nThe");
  });

  it("throws RangeError for out-of-range, empty and whitespace-only spans", () => {
    expect(() => describeSpan(body, -1, 4)).toThrow(RangeError);
    expect(() => describeSpan(body, 0, body.length + 1)).toThrow(RangeError);
    expect(() => describeSpan(body, 5, 5)).toThrow(RangeError);
    const gap = body.indexOf("\n\n");
    expect(() => describeSpan(body, gap - 1, gap + 2)).not.toThrow();
    expect(() => describeSpan(body, gap, gap + 2)).toThrow(RangeError);
  });
});

describe("UTF-16 code units and surrogate pairs", () => {
  it("counts positions in code units, as browsers do", () => {
    const body = "Great 👍🏽 work on 𝒳 here";
    const anchor = describeSpan(body, 11, 15);
    expect(anchor.quote.exact).toBe("work");
    expect([...body.slice(0, 11)]).toHaveLength(9); // 9 code points, 11 code units
    expect(describeSpan(body, 19, 21).quote.exact).toBe("𝒳");
    expect(describeSpan(body, 7, 9).position).toMatchObject({ start: 6, end: 10 });
  });

  // Surrogate pairs start at odd offsets after the leading "a", so the 32-unit cut falls mid-pair.
  const pairs = "a" + "𝒳".repeat(20) + " target " + "👍".repeat(20);
  const start = pairs.indexOf("target");
  const end = start + "target".length;

  it("shortens prefix and suffix by one rather than cut a pair", () => {
    const { quote } = describeSpan(pairs, start, end);
    expect(quote.exact).toBe("target");
    expect(quote.prefix).toHaveLength(CONTEXT_LENGTH - 1);
    expect(quote.suffix).toHaveLength(CONTEXT_LENGTH - 1);
    expect(quote.prefix).not.toMatch(LONE_EDGE);
    expect(quote.suffix).not.toMatch(LONE_EDGE);
    expect(quote.prefix).toBe("𝒳".repeat(15) + " ");
    expect(quote.suffix).toBe(" " + "👍".repeat(15));
  });

  it("keeps the full 32 units when the cut falls between pairs", () => {
    const even = "a" + "𝒳".repeat(20) + "  target  " + "👍".repeat(20);
    const s = even.indexOf("target");
    const { quote } = describeSpan(even, s, s + 6);
    expect(quote.exact).toBe("target");
    expect(quote.prefix).toBe("𝒳".repeat(15) + "  ");
    expect(quote.suffix).toBe("  " + "👍".repeat(15));
  });

  it("never produces a lone surrogate at any context edge", () => {
    const body = "x👍🏽y".repeat(30) + " mid " + "𝒳z".repeat(30);
    for (let s = 0; s < body.length; s++) {
      if (body[s] === " ") continue;
      const anchor = describeSpan(body, s, s + 1);
      expect(anchor.quote.exact).not.toMatch(LONE_EDGE);
      expect(anchor.quote.prefix).not.toMatch(LONE_EDGE);
      expect(anchor.quote.suffix).not.toMatch(LONE_EDGE);
      expect(anchor.quote.prefix.length).toBeGreaterThanOrEqual(Math.min(CONTEXT_LENGTH - 1, anchor.position.start));
    }
  });
});

describe("anchorExactly", () => {
  it("does not snap", () => {
    const body = "Some words here.";
    expect(anchorExactly(body, 1, 7).quote).toMatchObject({ exact: "ome wo", prefix: "S", suffix: "rds here." });
  });
});
