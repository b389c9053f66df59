"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ErrorAlert } from "./error-alert";
import { fieldClass, sectionHeadingClass } from "./form-styles";
import type { ClaimDetail, CurrentEditor, Editor } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { useIdempotentAction } from "./use-idempotent-action";

/** Who works on the claim. Saves on change: there is nothing to type, so nothing to lose. */
export function AssigneeField({ detail, editors, me, save }: { detail: ClaimDetail; editors: readonly Editor[]; me: CurrentEditor; save: SaveClaim }) {
  const trpc = useTRPC();
  const assign = useMutation(trpc.claim.assign.mutationOptions());
  const action = useIdempotentAction();
  const [error, setError] = useState<string | null>(null);
  const { claim } = detail;

  function change(value: string) {
    void action.perform(async () => {
      const assigneeId = value === "" ? null : Number(value);
      const name = editors.find((e) => e.id === assigneeId)?.name;
      const outcome = await save(
        (version) => action.send({ claimId: claim.id, assigneeId }, (idempotencyKey) => assign.mutateAsync({ claimId: claim.id, version, assigneeId, idempotencyKey })),
        name ? `Assigned to ${name}.` : "Unassigned.",
      );
      setError(outcome.ok ? null : outcome.error);
    });
  }

  return (
    <section aria-labelledby="claim-assignee-heading">
      <h3 id="claim-assignee-heading" className={sectionHeadingClass}>
        Assignment
      </h3>
      <label className="mt-2 block text-sm font-medium">
        Assignee
        <select value={claim.assigneeId ?? ""} onChange={(e) => change(e.target.value)} disabled={action.pending} className={fieldClass}>
          <option value="">Unassigned</option>
          {editors.map((editor) => (
            <option key={editor.id} value={editor.id}>
              {editor.name}
              {editor.id === me.id ? " (me)" : ""}
            </option>
          ))}
        </select>
      </label>
      {error && <div className="mt-2"><ErrorAlert message={error} /></div>}
    </section>
  );
}
