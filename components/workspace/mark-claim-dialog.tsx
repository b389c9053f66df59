"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ClaimKind } from "@/lib/claims/workflow";
import { ErrorAlert } from "./error-alert";
import { KindOptions } from "./kind-options";
import { ModalDialog } from "./modal-dialog";
import { truncate } from "./text-format";
import { errorMessage, isConflict } from "./trpc-error";
import type { BodySelection } from "./use-body-selection";
import { fieldClass, primaryButtonClass, secondaryButtonClass } from "./form-styles";
import { useIdempotentAction } from "./use-idempotent-action";

export interface MarkTarget {
  selection: BodySelection;
  articleId: number;
  revisionId: number;
  body: string;
  /** Worth a second look before saving (lib/anchoring/overlaps.ts markWarnings); none of them blocks saving. */
  crossesParagraphs: boolean;
  /** The words of the existing claims the selection overlaps, in text order. */
  overlaps: readonly string[];
}

/** Non-blocking: says what the editor may not have noticed, and that saving is still fine. */
function MarkWarningsNote({ target }: { target: MarkTarget }) {
  if (!target.crossesParagraphs && target.overlaps.length === 0) return null;
  return (
    <div role="status" className="rounded border border-[#d4a72c] bg-[#fff8c5] px-3 py-2 text-sm text-[#4d2d00]">
      <p className="font-medium">Check before saving</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {target.crossesParagraphs && <li>This selection crosses a paragraph break.</li>}
        {target.overlaps.length > 0 && (
          <li>
            It overlaps {target.overlaps.length === 1 ? "an existing claim" : `${target.overlaps.length} existing claims`}:{" "}
            {target.overlaps.map((words, i) => (
              <span key={i} className="font-serif [overflow-wrap:anywhere]">
                {i > 0 && "; "}“{truncate(words, 80)}”
              </span>
            ))}
          </li>
        )}
      </ul>
      <p className="mt-1 text-xs">You can still save it: claims may span paragraphs and overlap.</p>
    </div>
  );
}

/** Confirms a selection as a claim: a preview of the words (snapped as the server will) plus kind, speaker, summary. */
export function MarkClaimDialog({
  target,
  onClose,
  onMarked,
  onReloadArticle,
  lastKind,
  speakers,
}: {
  target: MarkTarget | null;
  onClose: () => void;
  onMarked: (claimId: number, kind: ClaimKind) => void;
  onReloadArticle: () => void;
  lastKind: ClaimKind | null;
  speakers: readonly string[];
}) {
  return (
    <ModalDialog open={target !== null} onClose={onClose} title="Mark claim" description="The selection is snapped to whole words.">
      {target && (
        <MarkClaimForm target={target} onCancel={onClose} onMarked={onMarked} onReloadArticle={onReloadArticle} lastKind={lastKind} speakers={speakers} />
      )}
    </ModalDialog>
  );
}

function MarkClaimForm({
  target,
  onCancel,
  onMarked,
  onReloadArticle,
  lastKind,
  speakers,
}: {
  target: MarkTarget;
  onCancel: () => void;
  onMarked: (claimId: number, kind: ClaimKind) => void;
  onReloadArticle: () => void;
  lastKind: ClaimKind | null;
  speakers: readonly string[];
}) {
  const trpc = useTRPC();
  const mark = useMutation(trpc.claim.mark.mutationOptions());
  const action = useIdempotentAction();
  const [kind, setKind] = useState<ClaimKind | "">(lastKind ?? "");
  const [speaker, setSpeaker] = useState("");
  const [summary, setSummary] = useState("");
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const { selection } = target;
  const preview = target.body.slice(selection.snappedStart, selection.snappedEnd);

  function submit(event: FormEvent) {
    event.preventDefault();
    void action.perform(async () => {
      if (kind === "") return setError({ message: "Choose what kind of claim this is.", stale: false });
      setError(null);
      try {
        const input = {
          articleId: target.articleId,
          revisionId: target.revisionId,
          start: selection.start,
          end: selection.end,
          kind,
          speaker,
          summary,
        };
        const claim = await action.send(input, (idempotencyKey) => mark.mutateAsync({ ...input, idempotencyKey }));
        onMarked(claim.id, kind);
      } catch (caught) {
        setError({ message: errorMessage(caught), stale: isConflict(caught) });
      }
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <figure>
        <figcaption className="text-xs font-medium uppercase tracking-wide text-quiet">Selected text</figcaption>
        <blockquote className="mt-1 max-h-40 overflow-y-auto border-l-4 border-[#d4a72c] bg-[#fff8c5]/50 py-1 pl-3 font-serif text-[16px] leading-snug">
          {preview}
        </blockquote>
      </figure>
      <MarkWarningsNote target={target} />
      <label className="block text-sm font-medium">
        Kind
        <select data-autofocus required value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)} className={fieldClass}>
          <option value="" disabled>
            Choose a kind…
          </option>
          <KindOptions />
        </select>
      </label>
      <label className="block text-sm font-medium">
        Speaker <span className="font-normal text-quiet">(optional)</span>
        <input value={speaker} onChange={(e) => setSpeaker(e.target.value)} list="known-speakers" maxLength={200} className={fieldClass} />
        <datalist id="known-speakers">
          {speakers.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <label className="block text-sm font-medium">
        Summary <span className="font-normal text-quiet">(optional, one line)</span>
        <input value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={300} className={fieldClass} />
      </label>
      {error && (
        <ErrorAlert message={error.message}>
          {error.stale && (
            <button type="button" onClick={onReloadArticle} className={secondaryButtonClass}>
              Reload article
            </button>
          )}
        </ErrorAlert>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
        <button type="submit" disabled={action.pending} className={primaryButtonClass}>
          {action.pending ? "Saving…" : "Save claim"}
        </button>
      </div>
    </form>
  );
}
