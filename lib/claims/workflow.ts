export const CLAIM_KINDS = ["quote", "statistic", "event", "attribution", "characterization"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_STATUSES = ["unchecked", "in_progress", "in_review", "published"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * Where a claim stands after the article text was edited (lib/anchoring's reanchorRevision): `anchored` the
 * same words, `changed` the words were edited (selectors on the edited words), `orphaned` the words are gone.
 */
export const ANCHOR_STATES = ["anchored", "changed", "orphaned"] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unchecked: "Unchecked",
  in_progress: "In progress",
  in_review: "In review",
  published: "Published",
};

/** What the review gate looks at; computed by the service from the claim and its live evidence. */
export interface ReviewReadiness {
  verdict: string | null;
  rationale: string | null;
  evidenceCount: number;
}

/** A rationale is at least one real sentence: some words and a full stop, not "ok" or "see link". */
export function isRationaleSentence(rationale: string | null | undefined): boolean {
  const text = rationale?.trim() ?? "";
  return text.length >= 20 && /\p{L}{2,}.*[.!?…"”)]$/su.test(text) && text.split(/\s+/).length >= 4;
}

/** Why a claim cannot go to review yet, as sentences an editor can act on; empty when it can. */
export function reviewBlockers(claim: ReviewReadiness): string[] {
  const blockers: string[] = [];
  if (!claim.verdict) blockers.push("Choose a verdict.");
  if (!isRationaleSentence(claim.rationale)) blockers.push("Write a rationale of at least one full sentence.");
  if (claim.evidenceCount < 1) blockers.push("Link at least one source as evidence.");
  return blockers;
}

/**
 * Status moves an editor may make directly. Forward moves go one step at a time; going back is always
 * allowed. `in_review -> published` is not here: it is an approval by a second editor (reviewVerdict).
 */
export function isDirectTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  if (from === to) return false;
  if (to === "published") return false;
  const order = CLAIM_STATUSES.indexOf(to) - CLAIM_STATUSES.indexOf(from);
  return order === 1 || order < 0;
}
