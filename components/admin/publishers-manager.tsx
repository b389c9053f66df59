"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ErrorAlert } from "@/components/workspace/error-alert";
import { fieldClass, primaryButtonClass, secondaryButtonClass } from "@/components/workspace/form-styles";
import { ModalDialog } from "@/components/workspace/modal-dialog";
import { ReliabilityLabel } from "@/components/workspace/source-labels";
import { errorMessage } from "@/components/workspace/trpc-error";
import { RELIABILITY_LABELS } from "@/components/workspace/vocabulary-labels";
import { formatDate, formatDateTime } from "@/lib/text/format-date";
import type { ReliabilityRating } from "@/lib/sources/vocabulary";
import type { AppRouter } from "@/server/routers/_app";

type Publisher = inferRouterOutputs<AppRouter>["publisher"]["list"][number];

// The fixed scale, best first, as the rating form offers it.
const SCALE: ReliabilityRating[] = ["high", "generally_reliable", "mixed", "low", "unrated"];

/** Publishers with their rating, a search box, and a rating dialog that shows the rating's history. */
export function PublishersManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [applied, setApplied] = useState<string | undefined>(undefined);
  const list = useQuery(trpc.publisher.list.queryOptions(applied ? { query: applied } : undefined));
  const [rating, setRating] = useState<Publisher | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function rated(message: string) {
    setRating(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.publisher.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.source.pathKey() });
  }

  return (
    <>
      <form
        role="search"
        aria-label="Publishers"
        className="mt-6 flex max-w-xl items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(query.trim() || undefined);
        }}
      >
        <label className="block flex-1 text-sm font-medium">
          Search publishers
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={fieldClass} placeholder="Name or domain" />
        </label>
        <button type="submit" className={primaryButtonClass}>Search</button>
      </form>
      <p role="status" className="mt-3 min-h-5 text-sm text-[#1a7f37]">{notice}</p>
      {list.error && <ErrorAlert message={errorMessage(list.error)} />}
      <div className="mt-2 max-h-[75vh] overflow-auto rounded border border-rule">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Publishers and their reliability ratings</caption>
          <thead className="sticky top-0 z-10 bg-wash text-quiet">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Publisher</th>
              <th scope="col" className="px-3 py-2 font-medium">Reliability</th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">Sources</th>
              <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {list.isPending && <tr><td colSpan={4} className="px-3 py-3 text-quiet">Loading publishers…</td></tr>}
            {list.data?.length === 0 && <tr><td colSpan={4} className="px-3 py-3 text-quiet">No publisher matches.</td></tr>}
            {list.data?.map((publisher) => (
              <tr key={publisher.id} className="align-top">
                <td className="px-3 py-2">
                  <div className="font-medium">{publisher.name}</div>
                  <div className="break-all text-xs text-quiet">{publisher.domain}</div>
                </td>
                <td className="max-w-[24rem] px-3 py-2">
                  <ReliabilityLabel rating={publisher.reliabilityRating} />
                  {publisher.ratedOn && <div className="text-xs text-quiet">Rated {formatDate(publisher.ratedOn)}</div>}
                  {publisher.reliabilityRationale && <p className="mt-0.5 text-xs">{publisher.reliabilityRationale}</p>}
                </td>
                <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{publisher.sourceCount}</td>
                <td className="px-3 py-2 text-right">
                  <button type="button" className={secondaryButtonClass} aria-label={`Rate ${publisher.name}`} onClick={() => setRating(publisher)}>
                    Rate…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ModalDialog wide open={rating !== null} onClose={() => setRating(null)} title={rating ? `Rate ${rating.name}` : ""} description={rating?.domain}>
        {rating && <RatingForm publisher={rating} onCancel={() => setRating(null)} onDone={rated} />}
      </ModalDialog>
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function RatingForm({ publisher, onCancel, onDone }: { publisher: Publisher; onCancel: () => void; onDone: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const rate = useMutation(trpc.publisher.rate.mutationOptions());
  const history = useQuery(trpc.publisher.history.queryOptions({ publisherId: publisher.id }));
  const [form, setForm] = useState({ rating: publisher.reliabilityRating, rationale: publisher.reliabilityRationale ?? "", ratedOn: today() });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const updated = await rate.mutateAsync({ publisherId: publisher.id, ...form }).catch(() => null);
    if (updated) await onDone(`Rated ${updated.name}: ${RELIABILITY_LABELS[updated.reliabilityRating]}.`);
  }

  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend className="text-sm font-medium">Reliability</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {SCALE.map((value) => (
            <label key={value} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="rating" value={value} checked={form.rating === value} onChange={() => setForm({ ...form, rating: value })} />
              {RELIABILITY_LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="mt-3 block text-sm font-medium">
        Rationale
        <textarea data-autofocus required minLength={10} maxLength={5000} rows={3} value={form.rationale} onChange={(e) => setForm({ ...form, rationale: e.target.value })} className={fieldClass} />
      </label>
      <label className="mt-3 block text-sm font-medium">
        Date rated
        <input required type="date" max={today()} value={form.ratedOn} onChange={(e) => setForm({ ...form, ratedOn: e.target.value })} className={fieldClass} />
      </label>
      {rate.error && <div className="mt-3"><ErrorAlert message={errorMessage(rate.error)} /></div>}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>Cancel</button>
        <button type="submit" className={primaryButtonClass} disabled={rate.isPending}>{rate.isPending ? "Saving…" : "Save rating"}</button>
      </div>
      <h3 className="mt-5 text-sm font-semibold">Rating history</h3>
      {history.data?.length === 0 && <p className="text-sm text-quiet">Never rated.</p>}
      <ol className="mt-1 divide-y divide-rule text-sm">
        {history.data?.map((entry) => (
          <li key={entry.id} className="py-1.5">
            <span className="font-medium">{RELIABILITY_LABELS[entry.rating]}</span>
            <span className="text-quiet"> · rated {formatDate(entry.ratedOn)} by {entry.ratedBy ?? "the system"} · recorded {formatDateTime(entry.recordedAt)}</span>
            <p className="text-xs">{entry.rationale}</p>
          </li>
        ))}
      </ol>
    </form>
  );
}
