"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { MergeConfirm } from "./possible-duplicates";
import { ErrorAlert } from "@/components/workspace/error-alert";
import { fieldClass, primaryButtonClass, secondaryButtonClass } from "@/components/workspace/form-styles";
import { errorMessage } from "@/components/workspace/trpc-error";
import { LINK_STATUS_LABELS, SOURCE_TYPE_LABELS } from "@/components/workspace/vocabulary-labels";
import { LINK_STATUSES, SOURCE_TYPES, type LinkStatus, type SourceType } from "@/lib/sources/vocabulary";
import type { RegistrySource } from "./sources-manager";

/** Every field of a registry entry. The address is sent only when changed, so an edit never invents a spelling nobody typed. */
export function SourceEditForm({ source, onCancel, onDone }: { source: RegistrySource; onCancel: () => void; onDone: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.source.update.mutationOptions());
  const [checkError, setCheckError] = useState<unknown>(null);
  // Another live source already at the new address: offered, with a merge, instead of a refusal.
  const [twin, setTwin] = useState<{ id: number; title: string | null; canonicalUrl: string; mergedIntoId: number | null } | null>(null);
  const [form, setForm] = useState({
    url: source.canonicalUrl,
    title: source.title ?? "",
    type: source.type as SourceType,
    publishedOn: source.publishedOn ?? "",
    archivedUrl: source.archivedUrl ?? "",
    linkStatus: source.linkStatus as LinkStatus,
    notes: source.notes ?? "",
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { url, publishedOn, archivedUrl, ...rest } = form;
    const urlChanged = url.trim() !== source.canonicalUrl;
    if (urlChanged) {
      setCheckError(null);
      const found = await queryClient.fetchQuery(trpc.source.checkUrl.queryOptions({ url, sourceId: source.id })).catch((error: unknown) => (setCheckError(error), null));
      if (!found) return;
      if (found.existing) return setTwin(found.existing);
    }
    const updated = await update
      .mutateAsync({
        sourceId: source.id,
        ...rest,
        ...(urlChanged ? { url } : {}),
        publishedOn: publishedOn || null,
        archivedUrl: archivedUrl.trim() || null,
      })
      .catch(() => null);
    if (updated) await onDone(`Saved ${updated.title ?? updated.canonicalUrl}.`);
  }

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
      <label className="block text-sm font-medium sm:col-span-2">
        Address (URL)
        <input data-autofocus required value={form.url} onChange={(e) => set({ url: e.target.value })} className={fieldClass} inputMode="url" autoComplete="off" />
      </label>
      {source.originalUrls.length > 0 && (
        <details className="text-xs text-quiet sm:col-span-2">
          <summary>Addresses seen for this source ({source.originalUrls.length})</summary>
          <ul className="mt-1 list-disc break-all pl-5">
            {source.originalUrls.map((url) => <li key={url}>{url}</li>)}
          </ul>
        </details>
      )}
      <label className="block text-sm font-medium sm:col-span-2">
        Title
        <input value={form.title} onChange={(e) => set({ title: e.target.value })} className={fieldClass} maxLength={500} />
      </label>
      <label className="block text-sm font-medium">
        Type
        <select value={form.type} onChange={(e) => set({ type: e.target.value as SourceType })} className={fieldClass}>
          {SOURCE_TYPES.map((type) => <option key={type} value={type}>{SOURCE_TYPE_LABELS[type]}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Published on
        <input type="date" value={form.publishedOn} onChange={(e) => set({ publishedOn: e.target.value })} className={fieldClass} />
      </label>
      <label className="block text-sm font-medium">
        Archived copy (URL)
        <input value={form.archivedUrl} onChange={(e) => set({ archivedUrl: e.target.value })} className={fieldClass} inputMode="url" autoComplete="off" placeholder="https://web.archive.org/…" />
      </label>
      <label className="block text-sm font-medium">
        Link status
        <select value={form.linkStatus} onChange={(e) => set({ linkStatus: e.target.value as LinkStatus })} className={fieldClass}>
          {LINK_STATUSES.map((status) => <option key={status} value={status}>{LINK_STATUS_LABELS[status]}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium sm:col-span-2">
        Notes
        <textarea value={form.notes} onChange={(e) => set({ notes: e.target.value })} className={fieldClass} rows={3} maxLength={5000} />
      </label>
      {twin && (
        <div role="alert" className="rounded border border-[#d4a72c] bg-[#fff8c5] px-3 py-2 text-sm sm:col-span-2">
          <p>
            This address is already source #{twin.id} ({twin.title ?? twin.canonicalUrl})
            {twin.mergedIntoId !== null ? `, which was merged into #${twin.mergedIntoId}. Merge into that source instead.` : ". Merge this source into it?"}
          </p>
          {twin.mergedIntoId === null && (
            <div className="mt-2">
              <MergeConfirm keep={twin} merge={[source]} onCancel={() => setTwin(null)} onDone={onDone} />
            </div>
          )}
        </div>
      )}
      {checkError !== null && <div className="sm:col-span-2"><ErrorAlert message={errorMessage(checkError)} /></div>}
      {update.error && <div className="sm:col-span-2"><ErrorAlert message={errorMessage(update.error)} /></div>}
      <div className="flex justify-end gap-2 sm:col-span-2">
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>Cancel</button>
        <button type="submit" className={primaryButtonClass} disabled={update.isPending}>{update.isPending ? "Saving…" : "Save source"}</button>
      </div>
    </form>
  );
}
