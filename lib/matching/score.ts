import { analyzeClaim, type ClaimFeatures } from "./analyze";
import { ANTONYMS } from "./vocabulary";

/**
 * Scores how likely two claims are the same claim, and decides whether the app may propose them as the same.
 * The score is a weighted overlap of lemmas, entities and quantities, nudged by the speaker; the decision is the
 * score above SAME_THRESHOLD with no veto. Vetoes encode what a fact-checker never accepts as "the same claim"
 * however alike the wording: another quantity, another place or person, another speaker, or the opposite claim.
 */

export const SAME_THRESHOLD = 0.5;
/** Share of the score that comes from the speaker (same, unknown on one side, different). */
const SPEAKER_SHARE = 0.15;
/**
 * Two claims about the same people and places that share almost nothing else ("Peskov said the troop movements
 * were an internal matter" / "Russia moved 100,000 troops to Finland") are not the same claim.
 */
const MIN_CONTENT_OVERLAP = 0.25;
/** A vetoed candidate can still be shown as similar, but below any unvetoed one of about the same wording. */
const VETO_PENALTY = 0.6;

/** "negation" also covers opposite words (rose / fell). */
export type Veto = "quantity" | "entity" | "speaker" | "negation";

export interface MatchScore {
  score: number;
  same: boolean;
  /** Weighted overlap of the texts alone, 0..1. */
  textScore: number;
  vetoes: Veto[];
}

export interface ClaimInput {
  text: string;
  speaker?: string | null;
}

function weightOf(terms: Map<string, number>, include: (key: string) => boolean): number {
  let sum = 0;
  for (const [key, w] of terms) if (include(key)) sum += w;
  return sum;
}

/** Weighted Dice coefficient over the two term sets (or the terms `include` keeps). */
export function textSimilarity(a: ClaimFeatures, b: ClaimFeatures, include: (key: string) => boolean = () => true): number {
  const total = weightOf(a.terms, include) + weightOf(b.terms, include);
  if (total === 0) return 0;
  let shared = 0;
  for (const [key, w] of a.terms) {
    const other = b.terms.get(key);
    if (other !== undefined && include(key)) shared += Math.min(w, other) * 2;
  }
  return shared / total;
}

/** Words and quantities: what a claim says, as opposed to whom and where it is about. */
const isContent = (key: string) => !key.startsWith("@");

/** Each side has something the other lacks: one was put in the other's place (10,000 for 100,000). */
function substituted(a: Set<string>, b: Set<string>, explainsA: (x: string) => boolean = () => false, explainsB = explainsA): boolean {
  const aOnly = [...a].some((x) => !b.has(x) && !explainsA(x));
  const bOnly = [...b].some((x) => !a.has(x) && !explainsB(x));
  return aOnly && bOnly;
}

function entities(f: ClaimFeatures): Set<string> {
  return new Set([...f.places, ...f.names]);
}

/** A word one claim negates and the other affirms: "does not want war" vs "wants war". */
function contradicted(a: ClaimFeatures, b: ClaimFeatures): boolean {
  for (const [word, polarity] of a.polarity) {
    if (polarity === "negated" && b.terms.has(word) && !b.polarity.has(word)) return true;
  }
  for (const [word, polarity] of b.polarity) {
    if (polarity === "negated" && a.terms.has(word) && !a.polarity.has(word)) return true;
  }
  return false;
}

/** One says "rose" where the other says "fell", and neither says both. */
function opposite(a: ClaimFeatures, b: ClaimFeatures): boolean {
  for (const word of a.terms.keys()) {
    for (const antonym of ANTONYMS.get(word) ?? []) {
      if (b.terms.has(antonym) && !a.terms.has(antonym) && !b.terms.has(word)) return true;
    }
  }
  return false;
}

export function vetoes(a: ClaimFeatures, b: ClaimFeatures): Veto[] {
  const found: Veto[] = [];
  if (substituted(a.quantities, b.quantities)) found.push("quantity");
  // Places and names are one set: "Russia's imports" vs "the EU's imports" is a substitution across kinds. A name
  // that is only the other claim's speaker does not count: the claim's text need not repeat who said it.
  const speakerOfB = (x: string) => x === b.speaker;
  const speakerOfA = (x: string) => x === a.speaker;
  if (substituted(entities(a), entities(b), speakerOfB, speakerOfA)) found.push("entity");
  if (a.speaker && b.speaker && a.speaker !== b.speaker) found.push("speaker");
  if (contradicted(a, b) || opposite(a, b)) found.push("negation");
  return found;
}

export function compareFeatures(a: ClaimFeatures, b: ClaimFeatures): MatchScore {
  const text = textSimilarity(a, b);
  const speaker = a.speaker && b.speaker ? (a.speaker === b.speaker ? 1 : 0) : 0.5;
  const found = vetoes(a, b);
  // The speaker scales the text score rather than adding to it: the same speaker never lifts unrelated text.
  const raw = text * (1 - SPEAKER_SHARE + SPEAKER_SHARE * speaker);
  const score = Math.round((found.length > 0 ? raw * VETO_PENALTY : raw) * 1000) / 1000;
  const same = found.length === 0 && score >= SAME_THRESHOLD && textSimilarity(a, b, isContent) >= MIN_CONTENT_OVERLAP;
  return { score, same, textScore: text, vetoes: found };
}

export function compareClaims(a: ClaimInput, b: ClaimInput): MatchScore {
  return compareFeatures(analyzeClaim(a.text, a.speaker ?? null), analyzeClaim(b.text, b.speaker ?? null));
}
