"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ClaimKind } from "@/lib/claims/workflow";
import { ErrorAlert } from "./error-alert";
import { KindOptions } from "./kind-options";
import { DraftFormActions } from "./draft-form-actions";
import { fieldClass, sectionHeadingClass } from "./form-styles";
import type { ClaimDetail } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { KeptDraft } from "./kept-draft";
import { KIND_LABELS } from "./vocabulary-labels";
import { useDraft } from "./use-draft";
import { useIdempotentAction } from "./use-idempotent-action";

/** The id the `e` shortcut focuses. */
export const DETAILS_FIRST_FIELD_ID = "claim-details-kind";

/** Kind, speaker and one-line summary. What the editor types survives refetches and conflicts (useDraft). */
export function ClaimDetailsForm({ detail, generation, save }: { detail: ClaimDetail; generation: number; save: SaveClaim }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.claim.update.mutationOptions());
  const action = useIdempotentAction();
  const { claim } = detail;
  const form = useDraft({ kind: claim.kind, speaker: claim.speaker ?? "", summary: claim.summary ?? "" }, generation);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    void action.perform(async () => {
      const saved = form.draft;
      const outcome = await save(
        (version) => action.send({ claimId: claim.id, ...saved }, (idempotencyKey) => update.mutateAsync({ claimId: claim.id, version, ...saved, idempotencyKey })),
        "Details saved.",
      );
      setError(outcome.ok ? null : outcome.error);
      if (outcome.ok) form.markSaved(saved);
    });
  }

  return (
    <section aria-labelledby="claim-edit-heading">
      <h3 id="claim-edit-heading" className={sectionHeadingClass}>
        Details <span className="font-normal normal-case tracking-normal">(e)</span>
      </h3>
      <form onSubmit={submit} className="mt-2 space-y-3">
        <label className="block text-sm font-medium">
          Kind
          <select
            id={DETAILS_FIRST_FIELD_ID}
            value={form.draft.kind}
            onChange={(e) => form.update({ kind: e.target.value as ClaimKind })}
            className={fieldClass}
          >
            <KindOptions />
          </select>
        </label>
        <label className="block text-sm font-medium">
          Speaker
          <input value={form.draft.speaker} onChange={(e) => form.update({ speaker: e.target.value })} maxLength={200} className={fieldClass} />
        </label>
        <label className="block text-sm font-medium">
          Summary
          <input value={form.draft.summary} onChange={(e) => form.update({ summary: e.target.value })} maxLength={300} className={fieldClass} />
        </label>
        {form.kept && (
          <KeptDraft
            fields={[
              { label: "Kind", mine: KIND_LABELS[form.kept.kind], saved: KIND_LABELS[claim.kind] },
              { label: "Speaker", mine: form.kept.speaker, saved: claim.speaker ?? "" },
              { label: "Summary", mine: form.kept.summary, saved: claim.summary ?? "" },
            ]}
            onRestore={form.restoreKept}
            onDismiss={form.dismissKept}
          />
        )}
        {error && <ErrorAlert message={error} />}
        <DraftFormActions label="Save details" pending={action.pending} dirty={form.dirty} onDiscard={form.discard} />
      </form>
    </section>
  );
}
