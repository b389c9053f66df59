import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { HighlightedText } from "@/components/search/highlighted-text";
import { StatusChip } from "@/components/verdict/status-chip";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { KIND_LABELS } from "@/components/workspace/vocabulary-labels";
import { claimBadgeId } from "@/components/reader/claim-dom-ids";
import { CLAIM_KINDS, CLAIM_STATUSES, STATUS_LABELS } from "@/lib/claims/workflow";
import { formatDate } from "@/lib/text/format-date";
import { VERDICT_SCALE, VERDICTS } from "@/lib/verdicts";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import type { SearchResults } from "@/server/services/search/search-everything";
import { SEARCH_TYPES } from "@/server/services/search/search-input";
import { getServerCaller } from "@/server/trpc/server-caller";
import { ResultKeys } from "./_components/result-keys";

export const metadata: Metadata = { title: "Search" };

const FILTERS = ["type", "claimKind", "verdict", "status", "speaker", "from", "to"] as const;
const TYPE_LABELS = { claim: "Claims", source: "Sources", article: "Articles" } as const;
const INPUT_ID = "search-box";
const field = "rounded border border-rule bg-white px-2 py-1.5 text-sm";

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Every link a result offers is one tab stop marked for ResultKeys (↑/↓ between results). */
const resultLink = "font-serif text-[16px] leading-snug text-ink hover:text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent";

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: ReadonlyArray<readonly [string, string]> }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-quiet">
      {label}
      <select name={name} defaultValue={value ?? ""} className={field}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One kind of result: a heading with its count, and the results in a list. */
function ResultSection<T extends { id: number }>({ type, items, render }: { type: keyof typeof TYPE_LABELS; items: T[]; render: (item: T) => ReactNode }) {
  if (items.length === 0) return null;
  const headingId = `${type}s-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        {TYPE_LABELS[type]} <span className="font-normal text-quiet">({items.length})</span>
      </h2>
      <ul className="mt-3 divide-y divide-rule rounded border border-rule">
        {items.map((item) => (
          <li key={item.id} className="px-3 py-3">
            {render(item)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results({ results, everything }: { results: SearchResults; everything: boolean }) {
  const total = results.claims.length + results.sources.length + results.articles.length;
  if (total === 0) return <p className="mt-8 text-quiet">Nothing matches. Try fewer words, or part of a name or URL.</p>;
  return (
    <div className="mt-8 space-y-8">
      <ResultSection
        type="claim"
        items={results.claims}
        render={(claim) => (
          <>
            <Link
              data-search-result
              href={everything ? `/edit/${claim.articleId}?claim=${claim.id}` : `/a/${claim.articleSlug}#${claimBadgeId(claim.id)}`}
              className={resultLink}
            >
              <HighlightedText marked={claim.snippet} />
            </Link>
            {claim.rationaleSnippet && (
              <p className="mt-1 text-sm text-quiet">
                Rationale: <HighlightedText marked={claim.rationaleSnippet} />
              </p>
            )}
            <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-quiet">
              {claim.status && <StatusChip status={claim.status} />}
              <VerdictBadge verdict={claim.verdict} />
              {claim.speaker && <span>{claim.speaker}</span>}
              <span>in {claim.articleTitle}</span>
              <span>· {formatDate(claim.date)}</span>
            </div>
          </>
        )}
      />
      <ResultSection
        type="source"
        items={results.sources}
        render={(source) => (
          <>
            <a data-search-result href={source.url} rel="noopener noreferrer nofollow" target="_blank" className={resultLink}>
              <HighlightedText marked={source.titleSnippet} />
            </a>
            <p className="mt-1 break-all text-xs text-quiet">
              <HighlightedText marked={source.urlSnippet} />
            </p>
            <p className="mt-1 text-xs text-quiet">
              {[source.publisherName, formatDate(source.date)].filter(Boolean).join(" · ")}
            </p>
          </>
        )}
      />
      <ResultSection
        type="article"
        items={results.articles}
        render={(article) => (
          <>
            <Link data-search-result href={everything ? `/edit/${article.id}` : `/a/${article.slug}`} className={resultLink}>
              <HighlightedText marked={article.titleSnippet} />
            </Link>
            <p className="mt-1 text-sm text-quiet">
              <HighlightedText marked={article.snippet} />
            </p>
            <p className="mt-1 text-xs text-quiet">
              {article.status && article.status !== "published" ? `${article.status} · ` : ""}
              {formatDate(article.date)}
            </p>
          </>
        )}
      />
    </div>
  );
}

/**
 * One search box over claims, sources and articles, the query and filters in the URL (a plain GET form, so it
 * works without scripts). Editors and admins search everything; readers search what reader pages show.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const q = first(params.q);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, first(params[name])])) as Record<(typeof FILTERS)[number], string | undefined>;
  const everything = can(await getRequestActor(), "search.unpublished");
  let results: SearchResults | null = null;
  let problem: string | null = null;
  if (q) {
    try {
      // The procedure's zod schema judges the URL's values; a bad one comes back as a sentence to show.
      results = await (await getServerCaller()).search.query({ q, ...filters } as Parameters<Awaited<ReturnType<typeof getServerCaller>>["search"]["query"]>[0]);
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") throw error;
      problem = error.message;
    }
  }
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <ResultKeys inputId={INPUT_ID} />
      <h1 className="text-2xl font-semibold tracking-tight">Search</h1>
      <p className="mt-1 text-sm text-quiet">
        {everything ? "Every claim, source and article, drafts included." : "Published fact-checks, their articles and the sources they cite."} Press / to
        search, ↓ and ↑ to move through the results.
      </p>
      <form role="search" action="/search" method="get" className="mt-5">
        <div className="flex gap-2">
          <label htmlFor={INPUT_ID} className="sr-only">
            Search claims, sources and articles
          </label>
          <input
            id={INPUT_ID}
            name="q"
            type="search"
            defaultValue={q ?? ""}
            maxLength={200}
            autoFocus={!q}
            placeholder="A claim, a speaker, a title or part of a URL"
            className="min-w-0 flex-1 rounded border border-rule bg-white px-3 py-2"
          />
          <button type="submit" className="rounded bg-accent px-4 py-2 text-sm font-medium text-white hover:opacity-90">
            Search
          </button>
        </div>
        <fieldset className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          <legend className="sr-only">Filters</legend>
          <Select name="type" label="Show" value={filters.type} options={SEARCH_TYPES.map((t) => [t, TYPE_LABELS[t]] as const)} />
          <Select name="claimKind" label="Claim kind" value={filters.claimKind} options={CLAIM_KINDS.map((k) => [k, KIND_LABELS[k]] as const)} />
          <Select name="verdict" label="Verdict" value={filters.verdict} options={VERDICTS.map((v) => [v, VERDICT_SCALE[v].label] as const)} />
          {everything && <Select name="status" label="Status" value={filters.status} options={CLAIM_STATUSES.map((s) => [s, STATUS_LABELS[s]] as const)} />}
          <label className="flex flex-col gap-1 text-xs text-quiet">
            Speaker
            <input name="speaker" defaultValue={filters.speaker ?? ""} maxLength={200} className={field} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-quiet">
            From
            <input name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-quiet">
            To
            <input name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
          </label>
        </fieldset>
      </form>
      {problem && (
        <p role="alert" className="mt-6 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      )}
      {results && <Results results={results} everything={everything} />}
    </div>
  );
}
