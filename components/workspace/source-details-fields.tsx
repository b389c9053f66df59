"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SOURCE_TYPES, type SourceType } from "@/lib/sources/vocabulary";
import { fieldClass } from "./form-styles";
import { errorMessage } from "./trpc-error";
import { useDebouncedValue } from "./use-debounced-value";
import { SOURCE_TYPE_LABELS } from "./vocabulary-labels";

interface DetailFields {
  title: string;
  publisherName: string;
  author: string;
  publishedOn: string;
  type: SourceType | "";
}
type DetailKey = keyof DetailFields;

export interface SourceDetails extends DetailFields {
  /** Fields the editor typed in: a page read afterwards leaves them alone. */
  edited: readonly DetailKey[];
}

export const EMPTY_SOURCE_DETAILS: SourceDetails = { title: "", publisherName: "", author: "", publishedOn: "", type: "", edited: [] };

/** What a page read fills in: every field the editor has not typed in. */
export function withRead(details: SourceDetails, read: DetailFields): SourceDetails {
  const keep = (key: DetailKey) => details.edited.includes(key);
  return {
    ...details,
    title: keep("title") ? details.title : read.title,
    publisherName: keep("publisherName") ? details.publisherName : read.publisherName,
    author: keep("author") ? details.author : read.author,
    publishedOn: keep("publishedOn") ? details.publishedOn : read.publishedOn,
    type: keep("type") ? details.type : read.type,
  };
}

/** The details as evidence.attach takes them: blank fields are left out (the registry keeps what it has). */
export function sourceDetailsInput(details: SourceDetails) {
  const given = (value: string) => (value.trim() === "" ? undefined : value.trim());
  return {
    sourceTitle: given(details.title),
    sourcePublisherName: given(details.publisherName),
    sourceAuthor: given(details.author),
    sourcePublishedOn: given(details.publishedOn),
    sourceType: details.type === "" ? undefined : details.type,
  };
}

const looksLikeUrl = (text: string) => /^https?:\/\/\S+\.\S+/i.test(text);

type Reading = { state: "idle" } | { state: "reading" } | { state: "read"; finalUrl: string } | { state: "failed"; message: string };

/**
 * Title, publisher, author, date and type of a pasted URL, filled in from the page's own metadata
 * (source.previewMetadata) and editable: a field the editor has typed in is never overwritten by a later read.
 */
export function SourceDetailsFields({
  url,
  value,
  onChange,
  onRead,
}: {
  url: string;
  value: SourceDetails;
  onChange: (value: SourceDetails) => void;
  /** A page read arrived: merge it with withRead against the latest state. */
  onRead: (read: DetailFields) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settled = useDebouncedValue(url.trim(), 400);
  const [reading, setReading] = useState<Reading & { url?: string }>({ state: "idle" });

  useEffect(() => {
    if (!looksLikeUrl(settled)) return;
    let current = true;
    queryClient.fetchQuery({ ...trpc.source.previewMetadata.queryOptions({ url: settled }), staleTime: 5 * 60_000, retry: false }).then(
      (found) => {
        if (!current) return;
        setReading({ state: "read", finalUrl: found.finalUrl, url: settled });
        onRead({ title: found.title ?? "", publisherName: found.publisherName ?? "", author: found.author ?? "", publishedOn: found.publishedOn ?? "", type: found.type });
      },
      (error: unknown) => current && setReading({ state: "failed", message: errorMessage(error), url: settled }),
    );
    return () => {
      current = false;
    };
    // Only a new URL reads the page again (onRead merges with the state of the moment the answer comes).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  if (!looksLikeUrl(url.trim())) return null;
  // Until the answer for the URL as it stands now has come, the page is being read.
  const shown: Reading = reading.url === url.trim() ? reading : { state: "reading" };
  const set = (key: DetailKey, v: string) => onChange({ ...value, [key]: v, edited: value.edited.includes(key) ? value.edited : [...value.edited, key] });
  const text = (key: "title" | "publisherName" | "author", label: string, maxLength: number) => (
    <label className="block text-sm font-medium">
      {label}
      <input value={value[key]} onChange={(e) => set(key, e.target.value)} maxLength={maxLength} className={fieldClass} />
    </label>
  );

  return (
    <fieldset className="space-y-2 rounded border border-rule bg-white/60 p-2">
      <legend className="px-1 text-sm font-medium">Source details</legend>
      <p role="status" className="text-xs text-quiet">
        {shown.state === "reading" && "Reading the page's details…"}
        {shown.state === "read" && "Filled in from the page's own metadata: correct anything that is wrong."}
        {shown.state === "failed" && shown.message}
      </p>
      {text("title", "Title", 500)}
      <div className="grid gap-2 sm:grid-cols-2">
        {text("publisherName", "Publisher", 200)}
        {text("author", "Author", 300)}
        <label className="block text-sm font-medium">
          Published on
          <input type="date" value={value.publishedOn} onChange={(e) => set("publishedOn", e.target.value)} className={fieldClass} />
        </label>
        <label className="block text-sm font-medium">
          Type
          <select value={value.type} onChange={(e) => set("type", e.target.value)} className={fieldClass}>
            <option value="">Guess from the address</option>
            {SOURCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {SOURCE_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
