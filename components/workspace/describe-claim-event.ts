import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/audit/actions";
import { STATUS_LABELS, type ClaimKind, type ClaimStatus } from "@/lib/claims/workflow";
import type { Stance } from "@/lib/sources/vocabulary";
import { VERDICT_SCALE, type Verdict } from "@/lib/verdicts";
import { truncate } from "./text-format";
import { KIND_LABELS, STANCE_LABELS } from "./vocabulary-labels";

// Turns audit rows of a claim and its evidence (typed action + jsonb before/after, written by
// server/services/audit/record-audit.ts) into words. The action's words come from the typed list in
// lib/audit/actions.ts; unknown fields still show, in their raw form, so the history never hides a change.

const FIELD_LABELS: Record<string, string> = {
  exact: "Text",
  kind: "Kind",
  speaker: "Speaker",
  summary: "Summary",
  verdict: "Verdict",
  rationale: "Rationale",
  status: "Status",
  assigneeId: "Assignee",
  deleted: "Deleted",
  source: "Source",
  sourceTitle: "Source title",
  stance: "Stance",
  excerpt: "Excerpt",
  locator: "Locator",
  note: "Note",
  anchorState: "Anchoring",
};

// Offsets and ids are for machines; the text and source already say which claim or link it was.
const HIDDEN_FIELDS = new Set([
  "start", "end", "evidenceId", "comment", "revisionId",
  // Claim memory (decision 0031): the action's words say what was linked or reused; group and claim ids are bookkeeping.
  "groupId", "sameAsClaimId", "unlinkedClaimId", "reusedFromClaimId", "reusedFromEvidenceId",
]);

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface DescribedEvent {
  action: string;
  changes: FieldChange[];
  comment: string | null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function formatValue(field: string, value: unknown, editorName: (id: number) => string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (field === "status" && typeof value === "string" && value in STATUS_LABELS) return STATUS_LABELS[value as ClaimStatus];
  if (field === "verdict" && typeof value === "string" && value in VERDICT_SCALE) return VERDICT_SCALE[value as Verdict].label;
  if (field === "kind" && typeof value === "string" && value in KIND_LABELS) return KIND_LABELS[value as ClaimKind];
  if (field === "stance" && typeof value === "string" && value in STANCE_LABELS) return STANCE_LABELS[value as Stance];
  if (field === "assigneeId" && typeof value === "number") return editorName(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return field === "source" ? value : `“${truncate(value, 90)}”`;
  return truncate(JSON.stringify(value), 90);
}

export function describeClaimEvent(
  event: { action: AuditAction; before?: unknown; after?: unknown },
  editorName: (id: number) => string,
): DescribedEvent {
  // A removal records what was there and nothing after: show it as the thing removed, not "X → none".
  const removal = event.after === null || event.after === undefined;
  const before = removal ? {} : asRecord(event.before);
  const after = removal ? asRecord(event.before) : asRecord(event.after);
  // jsonb does not keep key order, so list fields in a fixed, readable order (unknown ones last).
  const rank = (field: string) => (field in FIELD_LABELS ? Object.keys(FIELD_LABELS).indexOf(field) : Number.MAX_SAFE_INTEGER);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN_FIELDS.has(f)).sort((a, b) => rank(a) - rank(b));
  const changes = fields
    .map((field) => ({
      field: FIELD_LABELS[field] ?? field,
      before: formatValue(field, before[field], editorName),
      after: formatValue(field, after[field], editorName),
    }))
    .filter((c) => c.before !== null || c.after !== null);
  const comment = typeof after.comment === "string" && after.comment.trim() ? after.comment : null;
  return { action: AUDIT_ACTION_LABELS[event.action], changes, comment };
}

