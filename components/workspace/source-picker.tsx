"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { fieldClass, secondaryButtonClass } from "./form-styles";
import { ReliabilityLabel } from "./source-labels";
import type { SourceSearchResult } from "./types";
import { useDebouncedValue } from "./use-debounced-value";

export interface SourceChoice {
  /** What the editor typed or pasted: a URL to attach, or words to search the registry with. */
  text: string;
  /** A registry source picked from the results; wins over the text. */
  chosen: SourceSearchResult | null;
}

const PASTED_LINK = /^https?:\/\//i;
const GENERAL_HINT = "Paste a URL, or search the registry by title, URL or publisher.";

/** What the hint says about the text in the field: for a pasted link, whether attaching it reuses a registry source. */
function hintFor(text: string, search: { fetching: boolean; answered: boolean; results: readonly SourceSearchResult[] }): string {
  if (!PASTED_LINK.test(text)) {
    if (search.fetching) return `${GENERAL_HINT} Searching…`;
    const none = search.answered && search.results.length === 0 && text.length >= 2;
    return `${GENERAL_HINT}${none ? " No registry match: a pasted URL becomes a new source." : ""}`;
  }
  if (search.fetching || !search.answered) return "Checking the registry for this link…";
  // The server marks the source it would file this link under (same canonical URL), so this is what attaching does.
  const reused = search.results.find((r) => r.reused);
  if (reused) return `Already in the registry: ${reused.title ?? reused.url}. Attaching reuses it; your link is kept as pasted.`;
  return "Not in the registry yet: attaching adds it as a new source, with the link as pasted.";
}

/**
 * One field for both ways of naming a source: paste a URL (the server canonicalises it and reuses the
 * registry entry if there is one) or type words and pick a registry source from the listbox (ARIA 1.2 combobox).
 * `error` is a refusal of what is in the field (a link that cannot be a source), shown and announced beside it.
 */
export function SourcePicker({ value, onChange, error }: { value: SourceChoice; onChange: (value: SourceChoice) => void; error?: string | null }) {
  const trpc = useTRPC();
  const listboxId = useId();
  const hintId = useId();
  const errorId = useId();
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(value.text.trim(), 250);
  const search = useQuery(trpc.source.search.queryOptions(query.length >= 2 && !value.chosen ? { query } : skipToken));
  const results = search.data ?? [];
  const open = expanded && !value.chosen && results.length > 0;

  function choose(result: SourceSearchResult) {
    onChange({ ...value, chosen: result });
    setExpanded(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setExpanded(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (results.length === 0 ? -1 : (i + step + results.length) % results.length));
    } else if (event.key === "Enter" && open && results[active]) {
      event.preventDefault(); // pick the option instead of submitting the form
      choose(results[active]!);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setExpanded(false);
    }
  }

  if (value.chosen) {
    const source = value.chosen;
    return (
      <div className="rounded border border-accent bg-[#ddf4ff]/50 p-2 text-sm">
        <p className="text-xs text-quiet">Source from the registry</p>
        <p className="break-words font-medium">{source.title ?? source.url}</p>
        <p className="flex flex-wrap gap-x-2 text-xs text-quiet">
          <span className="break-all">{source.url}</span>
          <span>{source.publisherName ?? "Unknown publisher"}</span>
          <ReliabilityLabel rating={source.publisherRating} />
        </p>
        <button type="button" onClick={() => onChange({ ...value, chosen: null })} className={`${secondaryButtonClass} mt-2`}>
          Change source
        </button>
      </div>
    );
  }

  return (
    <div className="relative">
      <label className="block text-sm font-medium">
        Source
        <input
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={open && active >= 0 ? `${listboxId}-${active}` : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          value={value.text}
          onChange={(e) => {
            onChange({ ...value, text: e.target.value });
            setExpanded(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setExpanded(true)}
          onBlur={() => setExpanded(false)}
          placeholder="https://… or words from a title or publisher"
          autoComplete="off"
          className={`${fieldClass} aria-invalid:border-[#cf222e]`}
        />
      </label>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-xs font-medium text-[#a40e26]">
          {error}
        </p>
      )}
      <p id={hintId} className="mt-1 text-xs text-quiet">
        {/* Beside a refusal, the hint must not promise that attaching would add the link. */}
        {error ? GENERAL_HINT : hintFor(value.text.trim(), { fetching: search.isFetching, answered: search.isSuccess && query === value.text.trim(), results })}
      </p>
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Registry sources"
        hidden={!open}
        className="absolute inset-x-0 z-20 mt-1 max-h-64 overflow-y-auto rounded border border-rule bg-white shadow-lg"
      >
        {results.map((result, index) => (
          <li
            key={result.id}
            id={`${listboxId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(result);
            }}
            className={`cursor-pointer px-2 py-1.5 text-sm ${index === active ? "bg-[#ddf4ff]" : "hover:bg-wash"}`}
          >
            <span className="block break-words font-medium">{result.title ?? result.url}</span>
            <span className="flex flex-wrap gap-x-2 text-xs text-quiet">
              <span>{result.publisherName ?? "Unknown publisher"}</span>
              <ReliabilityLabel rating={result.publisherRating} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
