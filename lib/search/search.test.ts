import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, markTerms, splitHighlights } from "./highlight";
import { parseSearch } from "./query";

describe("parseSearch", () => {
  it("wants every term, words by prefix and numbers as quantities in either spelling", () => {
    expect(parseSearch("100000 troops Crimea")).toEqual({
      terms: ["100000", "troops", "crimea"],
      tsquery: "(100000 | (100 <-> 000)) & troops:* & crimea:*",
    });
    expect(parseSearch("100,000 troops").terms).toEqual(["100000", "troops"]);
  });

  it("keeps tsquery syntax and quotes out: only letters and digits survive", () => {
    const { tsquery } = parseSearch("a' | b:* & !c <-> (d)");
    expect(tsquery).toBe("a:* & b:* & c:* & d:*");
    expect(parseSearch(" ,;!? ").tsquery).toBeNull();
  });

  it("caps the number of terms and drops repeats", () => {
    expect(parseSearch(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ")).terms).toHaveLength(12);
    expect(parseSearch("war war War").terms).toEqual(["war"]);
  });
});

describe("highlights", () => {
  it("splits marked snippets into plain and highlighted runs", () => {
    expect(splitHighlights(`Some ${MARK_START}100,000${MARK_END} troops`)).toEqual([
      { text: "Some ", hit: false },
      { text: "100,000", hit: true },
      { text: " troops", hit: false },
    ]);
  });

  it("marks terms case-insensitively, merging overlaps, and removes markers already in stored text", () => {
    expect(markTerms(`https://www.YouTube.com/watch?v=cxgh${MARK_START}D`, ["youtub", "cxgh"])).toBe(
      `https://www.${MARK_START}YouTub${MARK_END}e.com/watch?v=${MARK_START}cxgh${MARK_END}D`,
    );
    expect(markTerms("aaaa", ["aa", "aaa"])).toBe(`${MARK_START}aaaa${MARK_END}`);
  });

  it("never produces HTML: tags in stored text stay text", () => {
    expect(splitHighlights(markTerms("<img src=x onerror=alert(1)>", ["img"]))).toEqual([
      { text: "<", hit: false },
      { text: "img", hit: true },
      { text: " src=x onerror=alert(1)>", hit: false },
    ]);
  });
});
