import { describe, expect, it } from "vitest";
import { cardQuote, shorten } from "./shorten";

describe("shorten", () => {
  it("keeps short text as is (whitespace collapsed)", () => {
    expect(shorten("  We don’t\nwant a war  ")).toBe("We don’t want a war");
  });

  it("cuts long text at a word boundary with an ellipsis", () => {
    const out = shorten("Russia is not seeking war with the United States and NATO, the country’s top diplomat said Friday", 40);
    expect(out).toBe("Russia is not seeking war with the…");
    expect(Array.from(out).length).toBeLessThanOrEqual(40);
  });

  it("hard-cuts a single long word without splitting an emoji", () => {
    const out = shorten("😀".repeat(50), 10);
    expect(out).toBe(`${"😀".repeat(9)}…`);
  });
});

describe("cardQuote", () => {
  it("wraps a claim in one pair of quotes, dropping its own marks and trailing comma", () => {
    expect(cardQuote("“If it depends on Russia, there will be no war. We don’t want a war,”")).toBe(
      "“If it depends on Russia, there will be no war. We don’t want a war”",
    );
    expect(cardQuote("some 100,000 troops")).toBe("“some 100,000 troops”");
  });

  it("keeps inner apostrophes and stays within the limit", () => {
    const out = cardQuote("Russia’s demand to halt NATO's expansion in eastern Europe, including by permanently barring Ukraine", 40);
    expect(out.startsWith("“Russia’s demand")).toBe(true);
    expect(out.endsWith("…”")).toBe(true);
    expect(Array.from(out).length).toBeLessThanOrEqual(40);
  });
});
