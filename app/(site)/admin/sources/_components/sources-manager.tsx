"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ExternalLink } from "@/components/ui/external-link";
import { ErrorAlert } from "@/components/workspace/error-alert";
import { fieldClass, primaryButtonClass, secondaryButtonClass } from "@/components/workspace/form-styles";
import { ModalDialog } from "@/components/workspace/modal-dialog";
import { ReliabilityLabel } from "@/components/workspace/source-labels";
import { errorMessage } from "@/components/workspace/trpc-error";
import { LINK_STATUS_LABELS, RELIABILITY_LABELS, SOURCE_TYPE_LABELS } from "@/components/workspace/vocabulary-labels";
import { LINK_STATUSES, RELIABILITY_RATINGS, SOURCE_TYPES } from "@/lib/sources/vocabulary";
import type { AppRouter } from "@/server/routers/_app";
import { CsvPanel } from "./csv-panel";
import { PossibleDuplicates } from "./possible-duplicates";
import { SourceEditForm } from "./source-edit-form";
import { SourceHistory } from "./source-history";

type ListInput = inferRouterInputs<AppRouter>["source"]["list"];
export type RegistrySource = inferRouterOutputs<AppRouter>["source"]["list"]["items"][number];
type Filters = Omit<ListInput, "cursor" | "limit">;

const SORT_LABELS = { newest: "Newest first", title: "Title A–Z", most_cited: "Most cited" } as const;
const PAGE_SIZE = 25;

/** Filters above, the table, "Load more" below (keyset pages), and an edit dialog naming the source. */
export function SourcesManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({ sort: "newest" });
  const [editing, setEditing] = useState<RegistrySource | null>(null);
  const [historyOf, setHistoryOf] = useState<RegistrySource | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useInfiniteQuery(
    trpc.source.list.infiniteQueryOptions({ ...filters, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  async function saved(message: string) {
    setEditing(null);
    setHistoryOf(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.source.pathKey() });
  }

  return (
    <>
      <SourceFilters value={filters} onChange={setFilters} />
      <p role="status" className="mt-3 min-h-5 text-sm text-[#1a7f37]">{notice}</p>
      {list.error && <ErrorAlert message={errorMessage(list.error)} />}
      <div className="mt-2 max-h-[75vh] overflow-auto rounded border border-rule">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Sources in the registry, {SORT_LABELS[filters.sort ?? "newest"].toLowerCase()}</caption>
          <thead className="sticky top-0 z-10 bg-wash text-quiet">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Source</th>
              <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Publisher</th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Type</th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Link</th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">Claims</th>
              <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {list.isPending && (
              <tr><td colSpan={6} className="px-3 py-3 text-quiet">Loading sources…</td></tr>
            )}
            {list.isSuccess && rows.length === 0 && (
              <tr><td colSpan={6} className="px-3 py-3 text-quiet">No source matches. Clear the search or a filter.</td></tr>
            )}
            {rows.map((source) => (
              <tr key={source.id} className="align-top">
                <td className="max-w-[26rem] px-3 py-2">
                  <div className="font-medium">{source.title ?? <span className="italic text-quiet">Untitled</span>}</div>
                  <div className="break-all text-xs"><ExternalLink href={source.canonicalUrl}>{source.canonicalUrl}</ExternalLink></div>
                  {source.archivedUrl && (
                    <div className="break-all text-xs text-quiet">Archived copy: <ExternalLink href={source.archivedUrl}>{source.archivedUrl}</ExternalLink></div>
                  )}
                  <div className="mt-0.5 text-xs text-quiet md:hidden">
                    {source.publisherName ?? "No publisher"} · {SOURCE_TYPE_LABELS[source.type]}
                    <span className="sm:hidden"> · Link: {LINK_STATUS_LABELS[source.linkStatus]} · {source.citingClaims === 1 ? "1 claim" : `${source.citingClaims} claims`}</span>
                  </div>
                </td>
                <td className="hidden px-3 py-2 md:table-cell">
                  <div>{source.publisherName ?? <span className="text-quiet">None</span>}</div>
                  <ReliabilityLabel rating={source.publisherRating} />
                </td>
                <td className="hidden px-3 py-2 sm:table-cell">{SOURCE_TYPE_LABELS[source.type]}</td>
                <td className="hidden px-3 py-2 sm:table-cell">{LINK_STATUS_LABELS[source.linkStatus]}</td>
                <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{source.citingClaims}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap justify-end gap-1.5">
                    <button type="button" className={secondaryButtonClass} aria-label={`Edit ${source.title ?? source.canonicalUrl}`} onClick={() => setEditing(source)}>
                      Edit…
                    </button>
                    <button type="button" className={secondaryButtonClass} aria-label={`History of ${source.title ?? source.canonicalUrl}`} onClick={() => setHistoryOf(source)}>
                      History
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex items-center gap-3 text-sm text-quiet">
        <span>{rows.length === 1 ? "1 source shown" : `${rows.length} sources shown`}</span>
        {list.hasNextPage && (
          <button type="button" className={secondaryButtonClass} disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        )}
      </div>
      <ModalDialog wide open={editing !== null} onClose={() => setEditing(null)} title={editing ? `Edit ${editing.title ?? editing.canonicalUrl}` : ""}>
        {editing && <SourceEditForm source={editing} onCancel={() => setEditing(null)} onDone={saved} />}
      </ModalDialog>
      <ModalDialog wide open={historyOf !== null} onClose={() => setHistoryOf(null)} title={historyOf ? `History of ${historyOf.title ?? historyOf.canonicalUrl}` : ""}>
        {historyOf && <SourceHistory sourceId={historyOf.id} onDone={saved} />}
      </ModalDialog>
      <PossibleDuplicates onMerged={saved} />
      <CsvPanel onImported={saved} />
    </>
  );
}

function SourceFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const [query, setQuery] = useState(value.query ?? "");

  function search(event: FormEvent) {
    event.preventDefault();
    onChange({ ...value, query: query.trim() || undefined });
  }

  return (
    <form role="search" aria-label="Sources" onSubmit={search} className="mt-6 grid gap-3 rounded border border-rule p-4 sm:grid-cols-2 lg:grid-cols-6">
      <label className="block text-sm font-medium sm:col-span-2">
        Search sources
        <span className="mt-1 flex gap-2">
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={`${fieldClass} mt-0`} placeholder="Title, publisher, notes or part of the URL" />
          <button type="submit" className={primaryButtonClass}>Search</button>
        </span>
      </label>
      <label className="block text-sm font-medium">
        Type
        <select value={value.type ?? ""} onChange={(e) => onChange({ ...value, type: (e.target.value || undefined) as Filters["type"] })} className={fieldClass}>
          <option value="">Any type</option>
          {SOURCE_TYPES.map((type) => <option key={type} value={type}>{SOURCE_TYPE_LABELS[type]}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Publisher rating
        <select value={value.rating ?? ""} onChange={(e) => onChange({ ...value, rating: (e.target.value || undefined) as Filters["rating"] })} className={fieldClass}>
          <option value="">Any rating</option>
          {RELIABILITY_RATINGS.map((rating) => <option key={rating} value={rating}>{RELIABILITY_LABELS[rating]}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Link status
        <select value={value.linkStatus ?? ""} onChange={(e) => onChange({ ...value, linkStatus: (e.target.value || undefined) as Filters["linkStatus"] })} className={fieldClass}>
          <option value="">Any status</option>
          {LINK_STATUSES.map((status) => <option key={status} value={status}>{LINK_STATUS_LABELS[status]}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Sort
        <select value={value.sort ?? "newest"} onChange={(e) => onChange({ ...value, sort: e.target.value as keyof typeof SORT_LABELS })} className={fieldClass}>
          {Object.entries(SORT_LABELS).map(([sort, label]) => <option key={sort} value={sort}>{label}</option>)}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm font-medium sm:col-span-2 lg:col-span-6">
        <input type="checkbox" checked={value.unused ?? false} onChange={(e) => onChange({ ...value, unused: e.target.checked || undefined })} />
        Only sources no claim cites
      </label>
    </form>
  );
}
