import { describe, expect, it } from "vitest";
import { snapToWordBoundaries } from "./snap";

const BODY = [
  "He accused Western governments “hysterically advancing” the threat.",
  "“We don’t want a war,” Lavrov said. Moscow has 100,000 troops near Russian-NATO borders.",
  "Likes 👍🏽 and 𝒳 count as words.",
].join("\n\n");

/** Offsets of the n-th occurrence of text in BODY; throws if absent so a typo cannot pass silently. */
function at(text: string, nth = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = BODY.indexOf(text, i + 1);
  if (i < 0) throw new Error(`${text} not in body`);
  return [i, i + text.length];
}

function snapped(start: number, end: number): string | null {
  const span = snapToWordBoundaries(BODY, start, end);
  return span && BODY.slice(span.start, span.end);
}

describe("snapToWordBoundaries", () => {
  it("grows a mid-word start or end to the whole word", () => {
    const [s, e] = at("accused Western");
    expect(snapped(s + 2, e)).toBe("accused Western");
    expect(snapped(s, e - 3)).toBe("accused Western");
    expect(snapped(s + 1, e - 1)).toBe("accused Western");
    expect(snapped(s + 3, s + 4)).toBe("accused");
  });

  it("leaves a selection on word boundaries unchanged", () => {
    const [s, e] = at("accused Western");
    expect(snapToWordBoundaries(BODY, s, e)).toEqual({ start: s, end: e });
  });

  it("trims leading and trailing whitespace", () => {
    const [s, e] = at(" accused Western ");
    expect(snapToWordBoundaries(BODY, s, e)).toEqual({ start: s + 1, end: e - 1 });
  });

  it("returns null for a selection of only spaces, only a paragraph break, or nothing", () => {
    const [s] = at(" accused");
    expect(snapToWordBoundaries(BODY, s, s + 1)).toBeNull();
    const [b, bEnd] = at("\n\n");
    expect(snapToWordBoundaries(BODY, b, bEnd)).toBeNull();
    expect(snapToWordBoundaries(BODY, s, s)).toBeNull();
    expect(snapToWordBoundaries(BODY, s + 5, s)).toBeNull();
  });

  it("throws RangeError for offsets outside the body", () => {
    expect(() => snapToWordBoundaries(BODY, -1, 3)).toThrow(RangeError);
    expect(() => snapToWordBoundaries(BODY, 0, BODY.length + 1)).toThrow(RangeError);
    expect(() => snapToWordBoundaries(BODY, 0.5, 3)).toThrow(RangeError);
  });

  it("does not pull in an opening quote the user did not select", () => {
    const [s, e] = at("hysterically advancing");
    expect(snapped(s, e)).toBe("hysterically advancing");
    expect(snapped(s + 4, e)).toBe("hysterically advancing");
    const [q, qEnd] = at("“We don’t");
    expect(snapped(q + 1, qEnd)).toBe("We don’t");
  });

  it("keeps quotes and punctuation the user did select", () => {
    const [s, e] = at("“hysterically advancing”");
    expect(snapped(s, e)).toBe("“hysterically advancing”");
    expect(snapped(s + 3, e)).toBe("hysterically advancing”");
    const [w, wEnd] = at("war,”");
    expect(snapped(w, wEnd)).toBe("war,”");
    expect(snapped(w + 1, wEnd - 1)).toBe("war,");
  });

  it("treats apostrophes and digit separators as part of the word, hyphens not", () => {
    const [t] = at("t want");
    expect(snapped(t, t + 6)).toBe("don’t want");
    const [we] = at("We don");
    expect(snapped(we, we + 6)).toBe("We don’t");
    const [z, zEnd] = at("000 troops");
    expect(snapped(z, zEnd)).toBe("100,000 troops");
    const [n, nEnd] = at("NATO borders");
    expect(snapped(n, nEnd)).toBe("NATO borders");
  });

  it("snaps selections across a paragraph break, keeping the break inside", () => {
    const [s] = at("threat.");
    const [, e] = at("We don");
    const text = snapped(s + 2, e - 1);
    expect(text).toBe("threat.\n\n“We don’t");
    expect(text).toContain("\n\n");
  });

  it("trims a selection that starts in the break between paragraphs", () => {
    const [b] = at("\n\n“We");
    const [, e] = at("“We");
    expect(snapToWordBoundaries(BODY, b, e)).toEqual({ start: b + 2, end: e });
  });

  it("never splits a surrogate pair", () => {
    const [thumb, thumbEnd] = at("👍🏽");
    expect(thumbEnd - thumb).toBe(4);
    expect(snapToWordBoundaries(BODY, thumb + 1, thumb + 3)).toEqual({ start: thumb, end: thumbEnd });
    // The skin-tone modifier belongs to the thumb: selecting only the thumb takes both.
    expect(snapToWordBoundaries(BODY, thumb, thumb + 2)).toEqual({ start: thumb, end: thumbEnd });
    const [x, xEnd] = at("𝒳");
    expect(snapToWordBoundaries(BODY, x + 1, xEnd)).toEqual({ start: x, end: xEnd });
    expect(snapToWordBoundaries(BODY, x, x + 1)).toEqual({ start: x, end: xEnd });
  });

  it("for every selection: no edge whitespace or split pair, covers the selected words, is idempotent", () => {
    const lone = /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/;
    let checked = 0;
    for (let start = 0; start < BODY.length; start++) {
      for (let end = start + 1; end <= BODY.length; end += 7) {
        const span = snapToWordBoundaries(BODY, start, end);
        const selected = BODY.slice(start, end);
        if (!span) {
          expect(selected.trim()).toBe("");
          continue;
        }
        const text = BODY.slice(span.start, span.end);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(lone);
        expect(text).toContain(selected.trim().replace(lone, "").replace(lone, ""));
        expect(snapToWordBoundaries(BODY, span.start, span.end)).toEqual(span);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
