// Harder re-anchoring cases, built from the seed article (see README.md here) so that each expected
// outcome follows from how the revision was made, never from running the code under test.
import { readFileSync } from "node:fs";
import seedClaims from "../../import/__fixtures__/seed-claims.json";
import { parseArticleText } from "../../import/parse-article-text";

export interface HardClaim {
  original: string;
  /** The claim's exact text in the new body, or null when it must be orphaned. */
  expected: string | null;
  /** Where the expected text must start in the new imported body (it may occur elsewhere too). */
  at: number | null;
}

export interface HardCase {
  name: string;
  about: string;
  /** Raw article files, as the CLI reads them. */
  oldRaw: string;
  newRaw: string;
  claims: HardClaim[];
}

const SEED = parseArticleText(readFileSync(new URL("../../import/__fixtures__/seed-article.txt", import.meta.url), "utf8")).paragraphs;
const C = seedClaims.claims.map((c) => c.text);
const paragraphOf = (text: string) => SEED.findIndex((p) => p.includes(text));

/**
 * A case from paragraph lists (as imported); `outcome` says for each seed claim what it becomes and in which
 * new paragraph. `wrap` may hard-wrap the new raw text, which the importer joins again.
 */
function build(
  name: string,
  about: string,
  oldParagraphs: string[],
  newParagraphs: string[],
  outcome: (claim: string) => { expected: string | null; paragraph?: number },
  wrap: (paragraph: string) => string = (p) => p,
): HardCase {
  const offsets: number[] = [];
  let offset = 0;
  for (const p of newParagraphs) {
    offsets.push(offset);
    offset += p.length + 2;
  }
  return {
    name,
    about,
    oldRaw: oldParagraphs.join("\n\n"),
    newRaw: newParagraphs.map(wrap).join("\n\n"),
    claims: C.map((original) => {
      const { expected, paragraph } = outcome(original);
      if (expected === null || paragraph === undefined) return { original, expected: null, at: null };
      const within = newParagraphs[paragraph]!.indexOf(expected);
      if (within < 0) throw new Error(`${name}: "${expected}" is not in new paragraph ${paragraph}`);
      return { original, expected, at: offsets[paragraph]! + within };
    }),
  };
}

const same = (order: number[]) => (claim: string) => ({ expected: claim, paragraph: order.indexOf(paragraphOf(claim)) });

function reordered(): HardCase {
  const order = [0, 4, 5, 13, 14, 15, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12];
  return build("h1-reordered", "paragraphs reordered; every claim moves with its paragraph, unchanged", SEED, order.map((i) => SEED[i]!), same(order));
}

const PULL_QUOTE = `As Lavrov put it: ${C[1]} and ${C[2]}`;

function quoteRepeatedMoved(): HardCase {
  const old = [...SEED, PULL_QUOTE];
  const order = [...SEED.keys()].filter((i) => i !== 1).concat(16, 1); // P1 moves after the pull quote
  return build(
    "h2-repeated-quote-moved",
    "a pull quote at the end repeats claims 2 and 3; the paragraph holding claim 2 moves after it: claim 2 follows its paragraph, not the repeat",
    old,
    order.map((i) => old[i]!),
    same(order),
  );
}

function quoteRepeatedCut(): HardCase {
  const old = [...SEED, PULL_QUOTE];
  const kept = [...old.keys()].filter((i) => i !== 1 && i !== 2);
  return build(
    "h2-repeated-quote-cut",
    "the paragraphs holding claims 2, 3 and 4 are cut while the pull quote repeating 2 and 3 stays: they are orphaned, not moved onto the repeat",
    old,
    kept.map((i) => old[i]!),
    (claim) => (paragraphOf(claim) <= 2 && paragraphOf(claim) >= 1 ? { expected: null } : same(kept)(claim)),
  );
}

const straighten = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function straightQuotes(): HardCase {
  // Straight quotes, and every seventh space doubled (the importer keeps spaces inside a line).
  const paragraphs = SEED.map((p) => straighten(p).replace(/ /g, (space, at: number) => (at % 7 === 3 ? "  " : space)));
  return build(
    "h3-straight-quotes",
    "typography normalised to straight quotes and apostrophes, doubled spaces, new line wraps: every claim anchored, on the straightened text",
    SEED,
    paragraphs,
    (claim) => {
      const i = paragraphOf(claim);
      const words = new RegExp(straighten(claim).split(" ").map(escape).join(" +"));
      const found = words.exec(paragraphs[i]!);
      if (!found) throw new Error(`h3: claim not found in paragraph ${i}`);
      return { expected: found[0], paragraph: i };
    },
    // Wrap after every ninth single space; the importer joins lines with one space, as before.
    (p) => p.replace(/(?<! ) (?! )/g, (space, at: number) => (at % 9 === 0 ? "\n" : space)),
  );
}

function lookAlikes(): HardCase {
  // Old: the seed with three look-alikes of claimed sentences (another number, speaker, country).
  const troops = "By March, officials said, Moscow has amassed some 130,000 troops close to the border with Ukraine and in annexed Crimea.";
  const ambassador = SEED[13]!.replace("U.S. Ambassador to Moscow John Sullivan", "British Ambassador to Moscow Deborah Bronnert");
  const country = "Belarus is not seeking war with the United States and NATO, the country’s top diplomat said Friday, echoing Moscow.";
  const old = [...SEED.slice(0, 5), troops, ...SEED.slice(5, 14), ambassador, ...SEED.slice(14), country];
  // New: the claimed originals (old 0, 4, 14) are cut, the look-alikes stay; old 2 (claims 3 and 4) is
  // cut and a sentence like claim 4 with another country is added at the end; claim 8 is edited in place.
  const edited = old[6]!.replace("on Wednesday rejected", "on Thursday rejected");
  const belarusian = "Separately, Lavrov said in a videoconference with Belarusian radio broadcasters that talks would go on.";
  const fresh = [old[1]!, old[3]!, troops, edited, ...old.slice(7, 14), ambassador, ...old.slice(16), belarusian];
  return build(
    "h4-look-alikes",
    "claimed sentences cut while look-alikes with another number, speaker or country stay or are added: orphaned, never moved onto them; an in-place edit is changed",
    old,
    fresh,
    (claim) => {
      if ([C[0], C[2], C[3], C[5], C[6], C[15]].includes(claim)) return { expected: null };
      if (claim === C[7]) return { expected: claim.replace("Wednesday", "Thursday"), paragraph: 3 };
      return { expected: claim, paragraph: fresh.findIndex((p) => p.includes(claim)) };
    },
  );
}

function heavyRewrites(): HardCase {
  const fresh = [...SEED];
  fresh[0] = "Moscow wants no conflict with Washington or the Western alliance, Russia’s foreign minister told reporters at the end of the week, while leaving the door open to more talks.";
  fresh[3] = SEED[3]!.replace("governments “hysterically", "governments of “hysterically");
  fresh[9] = "Where missiles are placed, how to avoid incidents and keeping drills back from the frontier are things Moscow could talk about, he said.";
  fresh[12] = "Unnamed outsiders want to push Kyiv into a conflict, Lavrov claimed later, but Russia does not.";
  const moved = SEED[7]!.replace("throwing wool", "pulling wool");
  const order = fresh.filter((_, i) => i !== 7).concat(moved);
  return build(
    "h5-heavy-rewrites",
    "three claimed sentences rewritten beyond recognition (orphaned), one lightly edited in place and one edited inside a paragraph moved to the end (changed)",
    SEED,
    order,
    (claim) => {
      if ([C[0], C[11], C[14]].includes(claim)) return { expected: null };
      if (claim === C[4]) return { expected: claim.replace("governments “", "governments of “"), paragraph: 3 };
      if (claim === C[9]) return { expected: claim.replace("throwing", "pulling"), paragraph: order.length - 1 };
      return { expected: claim, paragraph: order.findIndex((p) => p.includes(claim)) };
    },
  );
}

const DAYS = ["Monday", "Tuesday", "Thursday"];

function fiftyTimesLonger(): HardCase {
  // Block 0 is the seed; blocks 1..49 repeat it, most sentences identical, some with another figure or day.
  const blocks = Array.from({ length: 50 }, (_, k) =>
    k === 0 ? [...SEED] : SEED.map((p) => p.replace("some 100,000", `some ${100 + k},000`).replace("on Wednesday", `on ${DAYS[k % 3]}`)),
  );
  const old = blocks.flat();
  // New: block 0 copy-edited as in r2, its paragraph 11 (claim 14) cut, its paragraph 1 (claim 2) moved to the very end.
  const first = [...SEED];
  first[0] = SEED[0]!.replace("diplomat said Friday", "diplomat said on Friday");
  first[4] = SEED[4]!.replace("some 100,000", "about 100,000");
  first[9] = SEED[9]!.replace("He outlined", "He also outlined");
  const fresh = [...first.filter((_, i) => i !== 1 && i !== 11), ...blocks.slice(1).flat(), SEED[1]!];
  return build(
    "h6-fifty-times-longer",
    "the seed followed by 49 near-copies of itself (about 50 times longer); the first copy edited, cut and moved: claims follow the first copy only",
    old,
    fresh,
    (claim) => {
      if (claim === C[13]) return { expected: null };
      if (claim === C[1]) return { expected: claim, paragraph: fresh.length - 1 };
      const i = paragraphOf(claim);
      const paragraph = [...SEED.keys()].filter((j) => j !== 1 && j !== 11).indexOf(i);
      const edited = { [C[0]!]: "said on Friday", [C[5]!]: "about 100,000", [C[11]!]: "He also outlined" };
      const original = { [C[0]!]: "said Friday", [C[5]!]: "some 100,000", [C[11]!]: "He outlined" };
      const expected = edited[claim] ? claim.replace(original[claim]!, edited[claim]) : claim;
      return { expected, paragraph };
    },
  );
}

/** Every hard case, built fresh (deterministic). */
export function hardCases(): HardCase[] {
  return [reordered(), quoteRepeatedMoved(), quoteRepeatedCut(), straightQuotes(), lookAlikes(), heavyRewrites(), fiftyTimesLonger()];
}
