/**
 * The verdict of the lost-update scenario (tests/faults/lost-updates.test.ts): compares what editors were told
 * was saved (acknowledged changes) with what the database holds. Pure, so the test can also show it catches a
 * lost update when handed one.
 */

export type ClaimField = "summary" | "speaker" | "kind" | "verdict" | "rationale" | "status" | "assigneeId";
export type ClaimOp = "update" | "setVerdict" | "assign";
export type EvidenceOp = "attach" | "updateEvidence" | "removeEvidence";

/** An acknowledged change to a claim row: the version it produced and the fields it set. */
export interface ClaimChange {
  op: ClaimOp;
  claimId: number;
  editor: number;
  version: number;
  set: Partial<Record<ClaimField, string | number | null>>;
}

/** An acknowledged evidence change (attach creates version 1; update and remove bump it). */
export interface EvidenceChange {
  op: EvidenceOp;
  claimId: number;
  editor: number;
  evidenceId: number;
  version: number;
  excerpt?: string;
}

export interface Acknowledged {
  claimIds: number[];
  claimChanges: ClaimChange[];
  evidenceChanges: EvidenceChange[];
}

/** The rows as the database holds them at the end (claims, their audit trail in id order, their evidence). */
export interface FinalState {
  claimRows: Record<string, unknown>[];
  events: { claim_id: number; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  evidenceRows: { id: number; claim_id: number; excerpt: string | null; version: number; deleted_at: Date | null }[];
}

/** A claim as claim.mark creates it in the scenario (kind "statistic", nothing else set). */
const INITIAL_CLAIM: Record<ClaimField, string | number | null> = {
  summary: null, speaker: null, kind: "statistic", verdict: null, rationale: null, status: "unchecked", assigneeId: null,
};

const ACTION_OF: Record<ClaimOp, string> = { update: "claim.updated", setVerdict: "claim.verdict_set", assign: "claim.assigned" };
const COLUMN_OF: Record<ClaimField, string> = { summary: "summary", speaker: "speaker", kind: "kind", verdict: "verdict", rationale: "rationale", status: "status", assigneeId: "assignee_id" };
const CLAIM_ROW_ACTIONS = new Set(Object.values(ACTION_OF));

/**
 * `lost`: acknowledged changes that are neither in the final state nor superseded by a later acknowledged one
 * (a field holding another value than the last acknowledged change set, two acknowledgements of one version,
 * a version that does not count the changes, missing or resurrected evidence).
 * `audit`: acknowledged changes without exactly one matching audit row, or audit rows without a change.
 */
export function checkAcknowledgedChanges({ claimIds, claimChanges, evidenceChanges }: Acknowledged, { claimRows, events, evidenceRows }: FinalState) {
  const lost: string[] = [];
  const audit: string[] = [];

  for (const claimId of claimIds) {
    const row = claimRows.find((r) => r.id === claimId);
    if (!row) {
      lost.push(`claim ${claimId} is missing`);
      continue;
    }
    const changes = claimChanges.filter((c) => c.claimId === claimId).sort((a, b) => a.version - b.version);
    // Versions: each acknowledged change produced the next one; two acknowledgements of one version = a lost update.
    changes.forEach((c, i) => {
      if (c.version !== i + 2) lost.push(`claim ${claimId}: change #${i + 1} (${c.op} by editor ${c.editor}) acknowledged version ${c.version}, expected ${i + 2}`);
    });
    if (row.version !== 1 + changes.length) lost.push(`claim ${claimId}: version ${String(row.version)} after ${changes.length} acknowledged changes (expected ${1 + changes.length})`);
    // Fields: the last acknowledged change that set each one wins.
    const expected = { ...INITIAL_CLAIM };
    for (const c of changes) Object.assign(expected, c.set);
    for (const [field, value] of Object.entries(expected) as [ClaimField, unknown][]) {
      const actual = row[COLUMN_OF[field]] ?? null;
      if (actual !== value) lost.push(`claim ${claimId}: ${field} is ${JSON.stringify(actual)}, the last acknowledged change set ${JSON.stringify(value)}`);
    }
    // Audit: the claim-row events, in order, are exactly the acknowledged changes in version order (the row lock
    // serialises them, so audit ids follow versions).
    const rowEvents = events.filter((ev) => ev.claim_id === claimId && CLAIM_ROW_ACTIONS.has(ev.action));
    if (rowEvents.length !== changes.length) audit.push(`claim ${claimId}: ${rowEvents.length} claim-row audit rows for ${changes.length} acknowledged changes`);
    changes.forEach((c, i) => {
      const ev = rowEvents[i];
      if (!ev || ev.action !== ACTION_OF[c.op]) {
        audit.push(`claim ${claimId} v${c.version}: audit row ${ev?.action ?? "missing"}, expected ${ACTION_OF[c.op]}`);
        return;
      }
      for (const [field, value] of Object.entries(c.set)) {
        if (ev.after && field in ev.after && ev.after[field] !== value) audit.push(`claim ${claimId} v${c.version}: audit says ${field}=${JSON.stringify(ev.after[field])}, the change set ${JSON.stringify(value)}`);
      }
    });
    const created = events.filter((ev) => ev.claim_id === claimId && ev.action === "claim.created").length;
    if (created !== 1) audit.push(`claim ${claimId}: ${created} claim.created rows`);
  }

  // Evidence: every acknowledged attach exists, carries its last acknowledged excerpt, and is removed iff a
  // removal was acknowledged; nothing exists that was not acknowledged (every call got an answer here).
  const attaches = evidenceChanges.filter((c) => c.op === "attach");
  for (const attach of attaches) {
    const row = evidenceRows.find((r) => r.id === attach.evidenceId);
    if (!row) {
      lost.push(`evidence ${attach.evidenceId}: acknowledged attach is missing`);
      continue;
    }
    const later = evidenceChanges.filter((c) => c.evidenceId === attach.evidenceId && c.op !== "attach").sort((a, b) => a.version - b.version);
    later.forEach((c, i) => {
      if (c.version !== i + 2) lost.push(`evidence ${attach.evidenceId}: ${c.op} acknowledged version ${c.version}, expected ${i + 2}`);
    });
    const removed = later.some((c) => c.op === "removeEvidence");
    const excerpt = [attach, ...later].filter((c) => c.excerpt !== undefined).at(-1)?.excerpt;
    if (row.excerpt !== excerpt) lost.push(`evidence ${attach.evidenceId}: excerpt ${JSON.stringify(row.excerpt)}, last acknowledged ${JSON.stringify(excerpt)}`);
    if ((row.deleted_at !== null) !== removed) lost.push(`evidence ${attach.evidenceId}: ${removed ? "acknowledged removal not applied" : "removed without an acknowledged removal"}`);
    if (row.version !== 1 + later.length) lost.push(`evidence ${attach.evidenceId}: version ${row.version} after ${later.length} acknowledged changes`);
  }
  if (evidenceRows.length !== attaches.length) lost.push(`${evidenceRows.length} evidence rows for ${attaches.length} acknowledged attaches`);
  for (const [op, action, side] of [["attach", "evidence.added", "after"], ["updateEvidence", "evidence.updated", "after"], ["removeEvidence", "evidence.removed", "before"]] as const) {
    const acknowledged = evidenceChanges.filter((c) => c.op === op).map((c) => c.evidenceId).sort((a, b) => a - b);
    const audited = events.filter((ev) => ev.action === action).map((ev) => Number(ev[side]?.evidenceId)).sort((a, b) => a - b);
    if (JSON.stringify(acknowledged) !== JSON.stringify(audited)) audit.push(`${action}: ${audited.length} audit rows, ${acknowledged.length} acknowledged ${op}s, for different evidence`);
  }

  const acked = claimChanges.length + evidenceChanges.length;
  const auditRows = events.length - claimIds.length; // minus each claim's claim.created
  if (auditRows !== acked) audit.push(`${auditRows} audit rows for ${acked} acknowledged changes`);
  return { lost, audit, acked, auditRows };
}

/**
 * The same final state with one classic lost update and one missing audit row: the claim's newest acknowledged
 * summary overwritten by the one before it (a stale write that slipped through), and its last audit row gone.
 * Returns undefined when no claim had two summary changes.
 */
export function withALostUpdate(acknowledged: Acknowledged, state: FinalState): FinalState | undefined {
  for (const claimId of acknowledged.claimIds) {
    const summaries = acknowledged.claimChanges.filter((c) => c.claimId === claimId && c.set.summary !== undefined).sort((a, b) => a.version - b.version);
    if (summaries.length < 2) continue;
    const stale = summaries.at(-2)!.set.summary;
    const lastEvent = state.events.findLastIndex((ev) => ev.claim_id === claimId);
    return {
      ...state,
      claimRows: state.claimRows.map((r) => (r.id === claimId ? { ...r, summary: stale } : r)),
      events: state.events.filter((_, i) => i !== lastEvent),
    };
  }
  return undefined;
}
