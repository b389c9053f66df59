import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticleText } from "../import/parse-article-text";
import { insideWord, isWordChar } from "./text";
import { firstTokenAfter, plainTypography, tokenize, tokensBefore } from "./tokens";

const seed = parseArticleText(readFileSync(new URL("../import/__fixtures__/seed-article.txt", import.meta.url), "utf8")).body;

describe("tokenize", () => {
  it("splits words as insideWord does and skips whitespace", () => {
    const tokens = tokenize(seed);
    let covered = 0;
    for (const { start, end } of tokens) {
      expect(insideWord(seed, start)).toBe(false);
      expect(insideWord(seed, end)).toBe(false);
      for (let i = start + 1; i < end; i++) {
        // Inside a word token every offset is inside the word; a punctuation token is a run of one character.
        if (isWordChar(seed[start]!)) expect(insideWord(seed, i), seed.slice(start, end)).toBe(true);
        else expect(seed[i]).toBe(seed[start]);
      }
      covered += end - start;
    }
    expect(covered).toBe(seed.replace(/\s/g, "").length);
  });

  it("keeps joined words whole and makes typography plain in keys only", () => {
    const text = "Don’t cut 100,000 U.S. troops — “now”… ok";
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(["Don’t", "cut", "100,000", "U.S", ".", "troops", "—", "“", "now", "”", "…", "ok"]);
    expect(tokenize(text).map((t) => t.key)).toEqual(["Don't", "cut", "100,000", "U.S", ".", "troops", "-", '"', "now", '"', "...", "ok"]);
    expect(plainTypography("‘a’ “b” – c…")).toBe("'a' \"b\" - c...");
  });

  it("finds the tokens a span overlaps", () => {
    const tokens = tokenize("one two three");
    expect(firstTokenAfter(tokens, 4)).toBe(1);
    expect(firstTokenAfter(tokens, 5)).toBe(1);
    expect(tokensBefore(tokens, 7)).toBe(2);
    expect(tokensBefore(tokens, 8)).toBe(2);
    expect(tokensBefore(tokens, 9)).toBe(3);
  });
});
