"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { isRationaleSentence } from "@/lib/claims/workflow";
import { VERDICTS, VERDICT_SCALE, type Verdict } from "@/lib/verdicts";
import { ErrorAlert } from "./error-alert";
import { DraftFormActions } from "./draft-form-actions";
import { fieldClass, sectionHeadingClass } from "./form-styles";
import type { ClaimDetail } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { KeptDraft } from "./kept-draft";
import { useDraft } from "./use-draft";
import { useIdempotentAction } from "./use-idempotent-action";

/** Verdict and rationale. Frozen while in review or published: the server refuses changes then, so we explain instead. */
export function VerdictForm({ detail, generation, save }: { detail: ClaimDetail; generation: number; save: SaveClaim }) {
  const trpc = useTRPC();
  const setVerdict = useMutation(trpc.claim.setVerdict.mutationOptions());
  const action = useIdempotentAction();
  const { claim } = detail;
  const form = useDraft<{ verdict: Verdict | ""; rationale: string }>({ verdict: claim.verdict ?? "", rationale: claim.rationale ?? "" }, generation);
  const [error, setError] = useState<string | null>(null);
  const frozen = claim.status === "in_review" || claim.status === "published";

  function submit(event: FormEvent) {
    event.preventDefault();
    void action.perform(async () => {
      const { verdict, rationale } = form.draft;
      if (verdict === "") return setError("Choose a verdict.");
      const saved = { verdict, rationale };
      const outcome = await save(
        (version) => action.send({ claimId: claim.id, ...saved }, (idempotencyKey) => setVerdict.mutateAsync({ claimId: claim.id, version, verdict, rationale, idempotencyKey })),
        "Verdict saved.",
      );
      setError(outcome.ok ? null : outcome.error);
      if (outcome.ok) form.markSaved(saved);
    });
  }

  if (frozen) {
    return (
      <section aria-labelledby="claim-verdict-heading" className="space-y-2">
        <h3 id="claim-verdict-heading" className={sectionHeadingClass}>
          Verdict
        </h3>
        <VerdictBadge verdict={claim.verdict} size="md" />
        {claim.rationale && <p className="whitespace-pre-line text-sm">{claim.rationale}</p>}
        <p className="text-xs text-quiet">
          {claim.status === "published" ? "Published" : "In review"}: to change the verdict, move the claim back to in progress first.
        </p>
      </section>
    );
  }

  const rationaleReady = isRationaleSentence(form.draft.rationale);
  return (
    <section aria-labelledby="claim-verdict-heading">
      <h3 id="claim-verdict-heading" className={sectionHeadingClass}>
        Verdict
      </h3>
      <form onSubmit={submit} className="mt-2 space-y-3">
        <div className="flex items-end gap-2">
          <label className="block min-w-0 flex-1 text-sm font-medium">
            Verdict
            <select value={form.draft.verdict} onChange={(e) => form.update({ verdict: e.target.value as Verdict })} className={fieldClass}>
              <option value="" disabled>
                Choose a verdict…
              </option>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {VERDICT_SCALE[v].label}
                </option>
              ))}
            </select>
          </label>
          {form.draft.verdict !== "" && (
            <span className="pb-1.5">
              <VerdictBadge verdict={form.draft.verdict} />
            </span>
          )}
        </div>
        {form.draft.verdict !== "" && <p className="text-xs text-quiet">{VERDICT_SCALE[form.draft.verdict].description}</p>}
        <label className="block text-sm font-medium">
          Rationale
          <textarea
            value={form.draft.rationale}
            onChange={(e) => form.update({ rationale: e.target.value })}
            rows={4}
            maxLength={5000}
            aria-describedby="rationale-hint"
            className={fieldClass}
          />
        </label>
        <p id="rationale-hint" className="text-xs text-quiet">
          {rationaleReady ? "Readers will see this rationale." : "At least one full sentence, ending with a full stop, is needed for review."}
        </p>
        {form.kept && (
          <KeptDraft
            fields={[
              { label: "Verdict", mine: form.kept.verdict ? VERDICT_SCALE[form.kept.verdict].label : "", saved: claim.verdict ? VERDICT_SCALE[claim.verdict].label : "" },
              { label: "Rationale", mine: form.kept.rationale, saved: claim.rationale ?? "" },
            ]}
            onRestore={form.restoreKept}
            onDismiss={form.dismissKept}
          />
        )}
        {error && <ErrorAlert message={error} />}
        <DraftFormActions label="Save verdict" pending={action.pending} dirty={form.dirty} onDiscard={form.discard} />
      </form>
    </section>
  );
}
