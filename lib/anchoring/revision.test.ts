import { describe, expect, it } from "vitest";
import { parseArticleText } from "../import/parse-article-text";
import { hardCases } from "./__fixtures__/hard-cases";
import { anchorExactly, describeSpan } from "./describe";
import { verifyAnchor } from "./locate";
import { reanchorRevision, touchesNamesOrNumbers, type RevisionReanchored } from "./revision";

function claim(body: string, text: string, from = 0) {
  const start = body.indexOf(text, from);
  if (start < 0) throw new Error(`not in the body: ${text}`);
  return anchorExactly(body, start, start + text.length);
}

function carry(before: string, after: string, ...texts: string[]): RevisionReanchored[] {
  return reanchorRevision(before, after, texts.map((t) => claim(before, t)));
}

/** The anchor's selectors describe the new body exactly (position holds the quote, context around it). */
function expectConsistent(body: string, result: RevisionReanchored) {
  if (result.state === "orphaned") return;
  const { quote, position } = result.anchor;
  expect(body.slice(position.start, position.end)).toBe(quote.exact);
  expect(result.anchor).toEqual(anchorExactly(body, position.start, position.end));
  expect(verifyAnchor(body, result.anchor)).toEqual({ state: "anchored" });
}

/** Equal up to typographic quotes and whitespace (how the hard cases vary typography). */
const sameWords = (a: string, b: string) => {
  const plain = (t: string) => t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').split(/\s+/).join(" ");
  return plain(a) === plain(b);
};

const exact = (result: RevisionReanchored | undefined) => (result && result.state !== "orphaned" ? result.anchor.quote.exact : null);

describe.each(hardCases())("reanchorRevision on hard case $name", ({ oldRaw, newRaw, claims }) => {
  const before = parseArticleText(oldRaw).body;
  const after = parseArticleText(newRaw).body;
  const results = reanchorRevision(before, after, claims.map((c) => claim(before, c.original)));

  it.each(claims.map((c, i) => ({ n: i + 1, ...c })))("claim $n", ({ n, original, expected, at }) => {
    const result = results[n - 1]!;
    if (expected === null) {
      expect(result).toEqual({ state: "orphaned" });
      return;
    }
    expect(result.state).toBe(sameWords(expected, original) ? "anchored" : "changed");
    expect(exact(result)).toBe(expected);
    expect(result.state !== "orphaned" && result.anchor.position.start).toBe(at);
    expectConsistent(after, result);
  });
});

describe("reanchorRevision", () => {
  it("anchors claims whose words only changed typography or whitespace", () => {
    const before = "He said “we don’t want a war” — twice.";
    const after = 'He said\n"we  don\'t want a war" - twice.';
    const [result] = carry(before, after, "“we don’t want a war”");
    expect(result).toMatchObject({ state: "anchored", anchor: { quote: { exact: "\"we  don't want a war\"" } } });
    expectConsistent(after, result!);
  });

  it("changes a claim edited in place, leaving words inserted at its edges outside", () => {
    const before = "Officials said the deal was signed by both sides on Monday.";
    const after = "Officials said, according to Reuters, the deal was inked by both sides on Monday.";
    const [result] = carry(before, after, "the deal was signed by both sides");
    expect(result).toMatchObject({ state: "changed", via: "diff", anchor: { quote: { exact: "the deal was inked by both sides" } } });
  });

  it("takes the replacement of a claim's first word", () => {
    const before = "Moscow has amassed some 100,000 troops near the border.";
    const after = "Moscow has amassed about 100,000 troops near the border.";
    expect(exact(carry(before, after, "some 100,000 troops near the border")[0])).toBe("about 100,000 troops near the border");
  });

  it("changes a claim when its number is edited in place: the claim itself was edited and needs review", () => {
    const before = "Moscow has amassed some 100,000 troops. Kyiv has 200,000 troops.";
    const after = "Moscow has amassed some 120,000 troops. Kyiv has 200,000 troops.";
    expect(carry(before, after, "Moscow has amassed some 100,000 troops.")[0]).toMatchObject({
      state: "changed",
      anchor: { quote: { exact: "Moscow has amassed some 120,000 troops." } },
    });
  });

  it("never moves a cut claim onto a look-alike that was already in the old body", () => {
    const lookAlike = "The minister said the talks failed on Monday.";
    const before = `The minister said the talks failed on Friday.\n\nMarkets fell.\n\n${lookAlike}`;
    const after = `Markets fell.\n\n${lookAlike}`;
    expect(carry(before, after, "The minister said the talks failed on Friday.")).toEqual([{ state: "orphaned" }]);
    // Even the exact words: a repeat that was already there is another occurrence, not this claim.
    const repeated = `The talks failed.\n\nMarkets fell.\n\nThe talks failed.`;
    expect(carry(repeated, "Markets fell.\n\nThe talks failed.", "The talks failed.")).toEqual([{ state: "orphaned" }]);
  });

  it("refuses an added look-alike with another number or country, but follows a moved paragraph with an edit", () => {
    // The paragraph between is longer than the claimed one, so the diff keeps it and the claim's paragraph is cut.
    const middle = "Markets in the region fell sharply on the news, and several airlines said they would cancel flights until further notice.";
    const before = `Intro.\n\nThe army moved 5,000 troops to Belarus on Friday, officials said.\n\n${middle}`;
    const claimed = "The army moved 5,000 troops to Belarus on Friday";
    for (const variant of ["The army moved 6,000 troops to Belarus on Friday", "The army moved 5,000 troops to Moldova on Friday"]) {
      const after = `Intro.\n\n${middle}\n\nAs a spokesman put it, ${variant}, a claim denied in Minsk.`;
      expect(carry(before, after, claimed), variant).toEqual([{ state: "orphaned" }]);
    }
    // The same number edit in the claim's own paragraph, moved: its neighbouring words came along.
    const moved = `Intro.\n\n${middle}\n\nThe army moved 6,000 troops to Belarus on Friday, officials said.`;
    expect(carry(before, moved, claimed)[0]).toMatchObject({
      state: "changed",
      anchor: { quote: { exact: "The army moved 6,000 troops to Belarus on Friday" } },
    });
    const after = `Intro.\n\n${middle}\n\nThe army quickly moved 5,000 troops to Belarus on Friday, officials said.`;
    expect(carry(before, after, claimed)[0]).toMatchObject({
      state: "changed",
      via: "approximate",
      anchor: { quote: { exact: "The army quickly moved 5,000 troops to Belarus on Friday" } },
    });
  });

  it("follows a sentence swapped with its near-copy instead of calling both edited", () => {
    const friday = "The envoy said the talks failed on Friday in Geneva.";
    const monday = "The envoy said the talks failed on Monday in Geneva.";
    const middle = "Markets in the region fell sharply on the news, and several airlines said they would cancel flights until further notice.";
    const before = `${friday}\n\n${middle}\n\n${monday}`;
    const after = `${monday}\n\n${middle}\n\n${friday}`;
    const [result] = carry(before, after, friday);
    expect(result).toMatchObject({ state: "anchored", anchor: { position: { start: after.lastIndexOf(friday) } } });
  });

  it("gives up when an edited claim fits two added passages equally well", () => {
    const middle = "Markets in the region fell sharply on the news, and several airlines said they would cancel flights until further notice.";
    const before = `Intro.\n\nThe army moved troops to the border on Friday.\n\n${middle}`;
    const after = `Intro.\n\n${middle}\n\nThe army quickly moved troops to the border on Friday.\n\nThe army slowly moved troops to the border on Friday.`;
    expect(carry(before, after, "The army moved troops to the border on Friday.")).toEqual([{ state: "orphaned" }]);
  });

  it("orphans claims rewritten beyond recognition and short claims whose word changed", () => {
    const before = "The meeting is on Friday in Geneva.";
    expect(carry(before, "The meeting is on Monday in Geneva.", "Friday")).toEqual([{ state: "orphaned" }]);
    expect(carry(before, "Talks are planned next week somewhere in Switzerland.", before)).toEqual([{ state: "orphaned" }]);
  });

  it("repairs a stale position from the quote and orphans a quote the old body lacks", () => {
    const before = "One sentence here. Another sentence there.";
    const stale = describeSpan(before, before.indexOf("Another"), before.length);
    stale.position = { type: "TextPositionSelector", start: 0, end: 5 };
    const missing = { ...stale, quote: { ...stale.quote, exact: "Not in the text." } };
    const results = reanchorRevision(before, `Intro. ${before}`, [stale, missing]);
    expect(exact(results[0])).toBe("Another sentence there.");
    expect(results[1]).toEqual({ state: "orphaned" });
  });

  it("handles a claim starting inside a word, and empty bodies", () => {
    const before = "The cosigned deal holds.";
    const anchor = anchorExactly(before, before.indexOf("signed"), before.indexOf(" holds"));
    expect(reanchorRevision(before, `Now: ${before}`, [anchor])).toMatchObject([{ state: "anchored", anchor: { quote: { exact: "signed deal" } } }]);
    expect(reanchorRevision(before, "", [anchor])).toEqual([{ state: "orphaned" }]);
    expect(reanchorRevision("", "Anything.", [])).toEqual([]);
  });
});

describe("touchesNamesOrNumbers", () => {
  it("flags differing numbers and capitalised words, not lower-case wording", () => {
    expect(touchesNamesOrNumbers(["some", "100,000", "troops"], ["some", "120,000", "troops"])).toBe(true);
    expect(touchesNamesOrNumbers(["said", "Lavrov"], ["said", "Sullivan"])).toBe(true);
    expect(touchesNamesOrNumbers(["some", "troops"], ["about", "troops"])).toBe(false);
  });
});
