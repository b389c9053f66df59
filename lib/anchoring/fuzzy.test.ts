import { describe, expect, it } from "vitest";
import { distancesToPrefixes, editDistance, fuzzyFind } from "./fuzzy";

describe("fuzzyFind", () => {
  const pattern = "PREFIXEXACTSUFFIX";
  const exactAt = (text: string, maxCost = 20) => {
    const match = fuzzyFind(text, pattern, 6, 11, { maxCost });
    return match && { text: text.slice(match.start, match.end), cost: match.cost };
  };

  it("finds the exact part of a pattern and its cost", () => {
    expect(exactAt("start PREFIXEXACTSUFFIX end")).toEqual({ text: "EXACT", cost: 0 });
    expect(exactAt("start PREFIXEXCTSUFFIX end")).toEqual({ text: "EXCT", cost: 1 });
    expect(exactAt("start PRFIXEXAQCTSUFIX end")).toEqual({ text: "EXAQCT", cost: 3 });
  });

  it("leaves text inserted at either edge of the exact part outside it", () => {
    expect(exactAt("start PREFIXinsEXACTSUFFIX end")).toEqual({ text: "EXACT", cost: 3 });
    expect(exactAt("start PREFIXEXACTinsSUFFIX end")).toEqual({ text: "EXACT", cost: 3 });
  });

  it("returns null above maxCost and prefers the match ending nearest the hint", () => {
    expect(exactAt("nothing alike here", 5)).toBeNull();
    const twice = "PREFIXEXACTSUFFIX and PREFIXEXACTSUFFIX";
    expect(fuzzyFind(twice, pattern, 6, 11, { maxCost: 0 })).toEqual({ start: 6, end: 11, cost: 0 });
    expect(fuzzyFind(twice, pattern, 6, 11, { maxCost: 0, hintEnd: 40 })).toEqual({ start: 28, end: 33, cost: 0 });
  });
});

describe("editDistance and distancesToPrefixes", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("👍", "👎")).toBe(1);
  });

  it("gives the distance to every prefix of the second string", () => {
    expect([...distancesToPrefixes("abc", "abxc")]).toEqual([3, 2, 1, 1, 1]);
  });
});
