import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import seedClaims from "../import/__fixtures__/seed-claims.json";
import { parseArticleText } from "../import/parse-article-text";
import { describeSpan } from "./describe";
import { editDistance } from "./fuzzy";
import { verifyAnchor } from "./locate";
import { MAX_FUZZY_LENGTH, reanchor, type Reanchored } from "./reanchor";

function read(path: string): string {
  return readFileSync(new URL(path, import.meta.url), "utf8");
}

const seed = parseArticleText(read("../import/__fixtures__/seed-article.txt")).body;

function seedAnchor(text: string) {
  const start = seed.indexOf(text);
  if (start < 0) throw new Error(`not in the seed article: ${text}`);
  return describeSpan(seed, start, start + text.length);
}

function expectConsistent(body: string, result: Reanchored) {
  if (result.state === "orphaned") return;
  const { quote, position } = result.anchor;
  expect(body.slice(position.start, position.end)).toBe(quote.exact);
  expect(body.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
  expect(body.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
  expect(verifyAnchor(body, result.anchor)).toEqual({ state: "anchored" });
}

interface Expected {
  revision: string;
  claims: { original: string; expected: string | null }[];
}

describe.each(["r1-update-note", "r2-copyedit", "r3-cut"])("reanchor onto revision %s", (name) => {
  const body = parseArticleText(read(`./__fixtures__/${name}.txt`)).body;
  const expected = JSON.parse(read(`./__fixtures__/${name}.expected.json`)) as Expected;

  it("has an expectation for every seed claim", () => {
    expect(expected.revision).toBe(`${name}.txt`);
    expect(expected.claims.map((c) => c.original)).toEqual(seedClaims.claims.map((c) => c.text));
  });

  it.each(expected.claims.map((c, i) => ({ n: i + 1, ...c })))("claim $n", ({ original, expected: text }) => {
    const result = reanchor(body, seedAnchor(original));
    if (text === null) {
      expect(result).toEqual({ state: "orphaned" });
      return;
    }
    expect(result.state).toBe(text === original ? "anchored" : "fuzzy");
    if (result.state === "orphaned") return;
    expect(result.anchor.quote.exact).toBe(text);
    if (result.state === "fuzzy") expect(result.distance).toBe(editDistance(original, text));
    expectConsistent(body, result);
  });
});

describe("reanchor", () => {
  it("moves every claim past a paragraph added on top", () => {
    const body = parseArticleText(read("./__fixtures__/r1-update-note.txt")).body;
    const note = "This article was updated to include the U.S. ambassador’s comments.\n\n";
    expect(body.startsWith(note)).toBe(true);
    const anchor = seedAnchor(seedClaims.claims[0]!.text);
    const result = reanchor(body, anchor);
    expect(result.state === "anchored" && result.anchor.position.start).toBe(anchor.position.start + note.length);
  });

  it("orphans the copy-edited claims when no edits are allowed", () => {
    const body = parseArticleText(read("./__fixtures__/r2-copyedit.txt")).body;
    const edited = seedClaims.claims.filter((c) => !body.includes(c.text));
    expect(edited).toHaveLength(3);
    for (const claim of edited) {
      expect(reanchor(body, seedAnchor(claim.text), { maxErrorRate: 0 })).toEqual({ state: "orphaned" });
      expect(reanchor(body, seedAnchor(claim.text)).state).toBe("fuzzy");
    }
  });

  it("uses the context to choose between similar edited sentences", () => {
    const before = "Officials said the talks failed on Monday.\n\nLater, diplomats said the talks failed on Friday.";
    const after = before.replace("failed on Friday", "faltered on Friday");
    const start = before.indexOf("the talks failed on Friday");
    const anchor = describeSpan(before, start, before.length);
    // Without context the Monday sentence is the closer text.
    expect(editDistance("the talks failed on Friday.", "the talks failed on Monday.")).toBeLessThan(
      editDistance("the talks failed on Friday.", "the talks faltered on Friday."),
    );
    const result = reanchor(after, anchor);
    expect(result.state).toBe("fuzzy");
    expect(result.state === "fuzzy" && result.anchor.quote.exact).toBe("the talks faltered on Friday.");
    expectConsistent(after, result);
  });

  const signed = "Officials said the deal was signed by both sides on Monday.";
  const reanchorIn = (claim: string, revised: string) => {
    const start = signed.indexOf(claim);
    return reanchor(revised, describeSpan(signed, start, start + claim.length));
  };

  it("takes the whole word when the old text survives only inside a longer word", () => {
    const revised = signed.replace("signed", "cosigned");
    expect(reanchorIn("signed by both sides", revised)).toMatchObject({
      state: "fuzzy",
      distance: 2,
      anchor: { quote: { exact: "cosigned by both sides" } },
    });
    const before = "Kyiv wants to join the alliance, officials said.";
    const claim = describeSpan(before, 0, before.indexOf(","));
    expect(reanchor(before.replace("alliance", "alliances"), claim)).toMatchObject({
      state: "fuzzy",
      distance: 1,
      anchor: { quote: { exact: "Kyiv wants to join the alliances" } },
    });
  });

  it("leaves text inserted at an edited claim's edges outside it", () => {
    const after = signed.replace("signed", "inked, officials said,");
    expect(reanchorIn("the deal was signed", after)).toMatchObject({ state: "fuzzy", anchor: { quote: { exact: "the deal was inked" } } });
    const before = signed.replace("said the deal was signed", "said, according to Reuters, the deal was inked");
    expect(reanchorIn("the deal was signed by both sides", before)).toMatchObject({
      state: "fuzzy",
      anchor: { quote: { exact: "the deal was inked by both sides" } },
    });
  });

  it("handles a claim that is the whole body (no prefix or suffix)", () => {
    const before = "Russia is not seeking war with NATO.";
    const after = "Russia is not seeking a war with NATO.";
    const result = reanchor(after, describeSpan(before, 0, before.length));
    expect(result).toMatchObject({ state: "fuzzy", distance: 2, anchor: { quote: { exact: after, prefix: "", suffix: "" } } });
  });

  it("orphans short claims that changed and claims rewritten beyond the allowed edits", () => {
    const before = "The meeting is on Friday in Geneva.";
    const friday = describeSpan(before, before.indexOf("Friday"), before.indexOf(" in"));
    expect(reanchor("The meeting is on Monday in Geneva.", friday)).toEqual({ state: "orphaned" });
    const all = describeSpan(before, 0, before.length);
    expect(reanchor("Talks are planned next week somewhere in Switzerland.", all)).toEqual({ state: "orphaned" });
  });

  it("re-anchors only exactly above MAX_FUZZY_LENGTH", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    const short = words(400);
    const long = words(520);
    expect(short.length).toBeLessThan(MAX_FUZZY_LENGTH);
    expect(long.length).toBeGreaterThan(MAX_FUZZY_LENGTH);
    const edit = (text: string) => text.replace("w7 ", "w7x ");
    expect(reanchor(edit(short), describeSpan(short, 0, short.length))).toMatchObject({ state: "fuzzy", distance: 1 });
    expect(reanchor(edit(long), describeSpan(long, 0, long.length))).toEqual({ state: "orphaned" });
    expect(reanchor(long, describeSpan(long, 0, long.length)).state).toBe("anchored");
  });
});
