import { diffWordsWithSpace } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * Word-level differences between two revision bodies, in reading order, with whitespace (paragraph
 * breaks included) kept so the result can be shown as text. Neighbouring parts of one kind are merged.
 * A diff that would take longer than `timeoutMs` (a rewrite of a very long article) is given up and
 * shown as the whole old text removed and the whole new text added: honest, if not helpful.
 */
export function revisionDiff(before: string, after: string, { timeoutMs = 2000 } = {}): { parts: DiffPart[]; complete: boolean } {
  const changes = diffWordsWithSpace(before, after, { timeout: timeoutMs });
  if (!changes) {
    return {
      parts: [
        ...(before ? [{ kind: "removed" as const, text: before }] : []),
        ...(after ? [{ kind: "added" as const, text: after }] : []),
      ],
      complete: false,
    };
  }
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return { parts, complete: true };
}

/** How many words were added and removed, for the revision list's summary. */
export function diffCounts(parts: readonly DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  return {
    added: parts.filter((p) => p.kind === "added").reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((p) => p.kind === "removed").reduce((n, p) => n + words(p.text), 0),
  };
}
