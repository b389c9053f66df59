"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { STANCES, type Stance } from "@/lib/sources/vocabulary";
import { locatorForPastedLink } from "@/lib/sources/locator";
import { ErrorAlert } from "./error-alert";
import { fieldClass, primaryButtonClass, secondaryButtonClass } from "./form-styles";
import { EMPTY_SOURCE_DETAILS, SourceDetailsFields, sourceDetailsInput, withRead } from "./source-details-fields";
import { SourcePicker, type SourceChoice } from "./source-picker";
import type { SaveClaim } from "./use-claim-saver";
import { useIdempotentAction } from "./use-idempotent-action";
import { STANCE_LABELS } from "./vocabulary-labels";

// locatorFromLink: the locator holds the time the pasted link carried (t=42), not something the editor typed.
const EMPTY = { source: { text: "", chosen: null } as SourceChoice, details: EMPTY_SOURCE_DETAILS, stance: "" as Stance | "", excerpt: "", locator: "", locatorFromLink: false, note: "" };

/** Links a source (pasted URL or registry pick) with a stance, excerpt, locator and note. Hidden, not unmounted, when collapsed, so typed text survives. */
export function AddEvidenceForm({ claimId, save }: { claimId: number; save: SaveClaim }) {
  const trpc = useTRPC();
  const attach = useMutation(trpc.evidence.attach.mutationOptions());
  const action = useIdempotentAction();
  const [expanded, setExpanded] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  // A refusal of the pasted link itself, shown beside the Source field rather than under the form.
  const [sourceError, setSourceError] = useState<string | null>(null);
  const locatorHintId = useId();
  const update = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  /** A pasted link's time fills an empty locator (and follows the link while the editor has not typed one). */
  function changeSource(source: SourceChoice) {
    setSourceError(null);
    setForm((f) => {
      const { locator, fromLink } = locatorForPastedLink({ locator: f.locator, fromLink: f.locatorFromLink }, source.chosen ? null : source.text);
      return { ...f, source, locator, locatorFromLink: fromLink };
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void action.perform(async () => {
      const { source, stance } = form;
      const url = source.text.trim();
      if (!source.chosen && url === "") return setSourceError("Paste a URL or pick a source from the registry.");
      if (stance === "") return setError("Choose a stance: does the source support, refute or give context?");
      const input = {
        claimId,
        stance,
        excerpt: form.excerpt,
        locator: form.locator,
        note: form.note,
        ...(source.chosen ? { sourceId: source.chosen.id } : { url, ...sourceDetailsInput(form.details) }),
      };
      // The result is an evidence row: never hand it to the saver, which would take its id/version for the claim's.
      const outcome = await save(() => action.send(input, (idempotencyKey) => attach.mutateAsync({ ...input, idempotencyKey })).then(() => null), "Evidence attached.");
      const aboutSource = !outcome.ok && (outcome.fields?.includes("url") ?? false);
      setSourceError(!outcome.ok && aboutSource ? outcome.error : null);
      setError(outcome.ok || aboutSource ? null : outcome.error);
      if (outcome.ok) {
        setForm(EMPTY);
        setExpanded(false);
      }
    });
  }

  return (
    <div>
      <button type="button" aria-expanded={expanded} aria-controls="add-evidence-form" onClick={() => setExpanded((e) => !e)} className={secondaryButtonClass}>
        {expanded ? "Hide evidence form" : "Add evidence"}
      </button>
      <form id="add-evidence-form" aria-label="Add evidence" hidden={!expanded} onSubmit={submit} className="mt-2 space-y-3 rounded border border-rule bg-wash/60 p-3">
        <SourcePicker value={form.source} onChange={changeSource} error={sourceError} />
        {!form.source.chosen && (
          <SourceDetailsFields
            url={form.source.text}
            value={form.details}
            onChange={(details) => update({ details })}
            onRead={(read) => setForm((f) => ({ ...f, details: withRead(f.details, read) }))}
          />
        )}
        <label className="block text-sm font-medium">
          Stance
          <select required value={form.stance} onChange={(e) => update({ stance: e.target.value as Stance })} className={fieldClass}>
            <option value="" disabled>
              Choose a stance…
            </option>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Excerpt <span className="font-normal text-quiet">(quoted from the source)</span>
          <textarea value={form.excerpt} onChange={(e) => update({ excerpt: e.target.value })} rows={3} maxLength={5000} className={fieldClass} />
        </label>
        <label className="block text-sm font-medium">
          Locator
          <input
            value={form.locator}
            onChange={(e) => update({ locator: e.target.value, locatorFromLink: false })}
            maxLength={100}
            placeholder="1:02:03, p. 12, para 4"
            aria-describedby={form.locatorFromLink ? locatorHintId : undefined}
            className={fieldClass}
          />
        </label>
        {form.locatorFromLink && (
          <p id={locatorHintId} className="-mt-2 text-xs text-quiet">
            From the time in the link: readers open the source there.
          </p>
        )}
        <label className="block text-sm font-medium">
          Note
          <textarea value={form.note} onChange={(e) => update({ note: e.target.value })} rows={2} maxLength={2000} className={fieldClass} />
        </label>
        {error && <ErrorAlert message={error} />}
        <button type="submit" disabled={action.pending} className={primaryButtonClass}>
          {action.pending ? "Attaching…" : "Attach evidence"}
        </button>
      </form>
    </div>
  );
}
