import { and, desc, eq, exists, ilike, inArray, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { articleRevisions, articleSources, articles, claims, claimVectors, evidence, publishers, revisionBodyVector, sources } from "@/db/schema";
import { MARK_END, MARK_START, markTerms } from "@/lib/search/highlight";
import { parseSearch } from "@/lib/search/query";
import { can } from "../../policy";
import type { Database } from "@/db/types";
import type { ServiceContext } from "../context";
import { searchInput, type SearchInput } from "./search-input";
import { sourceLink } from "../source/source-link";

const LIMIT = { claim: 20, source: 10, article: 10 } as const;

/**
 * The most matches of one kind that are ranked (decision 0037). Ranking reads every match's row and no index can
 * order by it, so a word that a tenth of the archive contains would rank 100,000 claims; beyond this many, the
 * newest ones are ranked and older ones are left out until the query narrows.
 */
const RANKED = 500;

/** ts_headline with our markers; markers already in the text are removed so only PostgreSQL's remain. */
function headline(text: SQL | unknown, q: SQL, options: string): SQL<string> {
  const clean = sql`replace(replace(${text}, ${MARK_START}, ''), ${MARK_END}, '')`;
  return sql<string>`ts_headline('english', ${clean}, ${q}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, ${options}`})`;
}

function likePattern(term: string): string {
  return `%${term}%`; // terms are letters and digits only (parseSearch), so no LIKE wildcards to escape
}

/**
 * `column` is one of the matches found by the statement before. Ranking is a statement of its own, on the ids
 * as one array parameter: as a subquery, PostgreSQL may instead rank every row of the table to find the
 * matches in rank order (it did, for the public's sources and a common word: 5 s).
 */
function anyOf(column: SQL | AnyColumn, matches: readonly { id: number }[]): SQL {
  return sql`${column} = any(${sql.param(matches.map((m) => m.id))}::int[])`;
}

/** Every term appears in one of the short fields, as a substring (partial URLs) or a near spelling (trigrams). */
function allTermsIn(terms: readonly string[], fields: SQL[]): SQL | undefined {
  return and(...terms.map((term) => or(...fields.flatMap((field) => [ilike(field, likePattern(term)), sql`${term} <% ${field}`]))));
}

/** The longest search term: the likeliest to be rare, so the best one to find candidates with. */
function longest(terms: readonly string[]): string {
  return terms.reduce((a, b) => (b.length > a.length ? b : a), "");
}

/** Best trigram likeness of the whole query to any of the fields, for ranking. */
function likeness(q: string, fields: SQL[]): SQL<number> {
  return sql<number>`greatest(${sql.join(fields.map((f) => sql`word_similarity(${q}, ${f})`), sql`, `)})`;
}

/**
 * The search box (/search): claims (text, speaker, rationale), sources (title, URL, publisher) and articles
 * (title, body), each ranked by full-text relevance (stemmed, every term wanted) plus trigram likeness of short
 * fields, with matched words marked. Editors and admins search everything; everyone else (the public variant)
 * sees published claims of published articles, published articles, and sources those cite, and never a field
 * they could not read on a reader page. Reads only.
 */
export async function searchEverything(ctx: ServiceContext, rawInput: SearchInput) {
  const input = searchInput.parse(rawInput);
  const everything = can(ctx.actor, "search.unpublished");
  const { terms, tsquery } = parseSearch(input.q);
  const wanted = (type: "claim" | "source" | "article") => !input.type || input.type === type;
  const claimFiltersSet = Boolean(input.claimKind || input.verdict || input.status || input.speaker);
  const empty = { claims: [], sources: [], articles: [], everything };
  if (!tsquery) return empty;
  const q = sql`to_tsquery('english', ${tsquery})`;
  const joined = terms.join(" ");
  const from = input.from ? sql`${input.from}::date` : null;
  const to = input.to ? sql`(${input.to}::date + 1)` : null;
  const inRange = (date: SQL) => and(from ? sql`${date} >= ${from}` : undefined, to ? sql`${date} < ${to}` : undefined);

  const publishedArticle = eq(articles.status, "published");
  const publishedClaim = and(eq(claims.status, "published"), publishedArticle, isNull(claims.deletedAt));

  const searchClaims = async (db: Database) => {
    if (!wanted("claim")) return [];
    const { quote: textVector, rationale: rationaleVector } = claimVectors;
    const speaker = sql`coalesce(${claims.speaker}, '')`;
    const date = sql`coalesce(${claims.publishedAt}, ${claims.createdAt})`;
    // Every term in the speaker's name: candidates through claims_speaker_trgm_idx by the longest term (the bare
    // column, which the index is on; a null speaker matches nothing either way), every term then checked on those
    // rows through the coalesced value, which the index cannot answer, so PostgreSQL does not read and AND in the
    // index entries of a short common term (a first name: a twentieth of all claims).
    const key = longest(terms);
    const speakerHasAll = and(or(ilike(claims.speaker, likePattern(key)), sql`${key} <% ${claims.speaker}`), allTermsIn(terms, [speaker]));
    const matches = await db
      .select({ id: claims.id })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(
        and(
          everything ? isNull(claims.deletedAt) : publishedClaim,
          or(sql`${textVector} @@ ${q}`, sql`${rationaleVector} @@ ${q}`, speakerHasAll),
          input.claimKind ? eq(claims.kind, input.claimKind) : undefined,
          input.verdict ? eq(claims.verdict, input.verdict) : undefined,
          everything && input.status ? eq(claims.status, input.status) : undefined,
          input.speaker ? or(ilike(speaker, `%${input.speaker.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), sql`${input.speaker} <% ${speaker}`) : undefined,
          inRange(date),
        ),
      )
      .orderBy(desc(claims.id))
      .limit(RANKED);
    return db
      .select({
        id: claims.id,
        articleId: claims.articleId,
        articleSlug: articles.slug,
        articleTitle: articles.title,
        snippet: headline(claims.quoteExact, q, "HighlightAll=true"),
        rationaleSnippet: headline(claims.rationale, q, "MaxWords=24, MinWords=10, MaxFragments=1"),
        rationaleMatched: sql<boolean>`${rationaleVector} @@ ${q}`,
        speaker: claims.speaker,
        kind: claims.kind,
        status: claims.status,
        verdict: claims.verdict,
        date: sql<Date>`${date}`.mapWith(claims.createdAt),
      })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(anyOf(claims.id, matches))
      .orderBy(desc(sql`ts_rank(${textVector}, ${q}) + 0.5 * ts_rank(${rationaleVector}, ${q}) + 0.3 * word_similarity(${joined}, ${speaker})`), desc(claims.id))
      .limit(LIMIT.claim);
  };

  const searchSources = async (db: Database) => {
    if (!wanted("source") || claimFiltersSet) return [];
    const title = sql`coalesce(${sources.title}, '')`;
    const publisher = sql`coalesce(${publishers.name}, '')`;
    const url = sql`${sources.canonicalUrl}`;
    const date = sql`coalesce(${sources.publishedOn}::timestamptz, ${sources.createdAt})`;
    // The public sees a source only once a published claim cites it or a published article lists it.
    const cited = or(
      exists(
        db.select({ one: sql`1` }).from(evidence).innerJoin(claims, eq(claims.id, evidence.claimId)).innerJoin(articles, eq(articles.id, claims.articleId))
          .where(and(eq(evidence.sourceId, sources.id), isNull(evidence.deletedAt), publishedClaim)),
      ),
      exists(
        db.select({ one: sql`1` }).from(articleSources).innerJoin(articles, eq(articles.id, articleSources.articleId))
          .where(and(eq(articleSources.sourceId, sources.id), publishedArticle)),
      ),
    );
    // Candidates, each found through an index: stemmed title words, or the longest term in the title or URL
    // (trigrams) or in the publisher's name. Every match below is one of them (each term must appear somewhere),
    // and the union keeps PostgreSQL from reading every source to test an OR that spans the publishers join.
    const key = longest(terms);
    const candidates = db
      .select({ id: sources.id })
      .from(sources)
      .where(or(sql`to_tsvector('english', ${title}) @@ ${q}`, ilike(sources.title, likePattern(key)), sql`${key} <% ${sources.title}`, ilike(url, likePattern(key)), sql`${key} <% ${url}`))
      .union(
        db.select({ id: sources.id }).from(sources).innerJoin(publishers, eq(publishers.id, sources.publisherId)).where(or(ilike(publishers.name, likePattern(key)), sql`${key} <% ${publishers.name}`)),
      );
    const matches = await db
      .select({ id: sources.id })
      .from(sources)
      .leftJoin(publishers, eq(publishers.id, sources.publisherId))
      .where(
        and(
          inArray(sources.id, candidates),
          isNull(sources.mergedIntoId),
          everything ? undefined : cited,
          or(sql`to_tsvector('english', ${title}) @@ ${q}`, allTermsIn(terms, [url, title, publisher])),
          inRange(date),
        ),
      )
      .orderBy(desc(sources.id))
      .limit(RANKED);
    const rows = await db
      .select({ id: sources.id, url: sourceLink, title: sources.title, type: sources.type, publisherName: publishers.name, date: sql<Date>`${date}`.mapWith(sources.createdAt) })
      .from(sources)
      .leftJoin(publishers, eq(publishers.id, sources.publisherId))
      .where(anyOf(sources.id, matches))
      .orderBy(desc(sql`ts_rank(to_tsvector('english', ${title}), ${q}) + ${likeness(joined, [url, title, publisher])}`), desc(sources.id))
      .limit(LIMIT.source);
    return rows.map((row) => ({ ...row, titleSnippet: markTerms(row.title ?? row.url, terms), urlSnippet: markTerms(row.url, terms) }));
  };

  const searchArticles = async (db: Database) => {
    if (!wanted("article") || claimFiltersSet) return [];
    const bodyVector = revisionBodyVector;
    const titleVector = sql`to_tsvector('english', ${articles.title})`;
    const date = sql`coalesce(${articles.publishedOn}::timestamptz, ${articles.createdAt})`;
    // Candidates through the indexes (title words, title trigrams, current body words), as a union for the
    // same reason as the sources' above.
    const key = longest(terms);
    const candidates = db
      .select({ id: articles.id })
      .from(articles)
      .where(or(sql`${titleVector} @@ ${q}`, ilike(articles.title, likePattern(key)), sql`${key} <% ${articles.title}`))
      // Any revision's words (the join below keeps the current one): no join here, so the body index alone answers.
      .union(db.select({ id: articleRevisions.articleId }).from(articleRevisions).where(sql`${bodyVector} @@ ${q}`));
    const matches = await db
      .select({ id: articles.id })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
      .where(
        and(
          inArray(articles.id, candidates),
          everything ? undefined : publishedArticle,
          or(sql`${titleVector} @@ ${q}`, sql`${bodyVector} @@ ${q}`, allTermsIn(terms, [sql`${articles.title}`])),
          inRange(date),
        ),
      )
      .orderBy(desc(articles.id))
      .limit(RANKED);
    const rows = await db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        status: articles.status,
        snippet: headline(articleRevisions.body, q, "MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""),
        date: sql<Date>`${date}`.mapWith(articles.createdAt),
      })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
      .where(anyOf(articles.id, matches))
      .orderBy(desc(sql`2 * ts_rank(${titleVector}, ${q}) + ts_rank(${bodyVector}, ${q}) + ${likeness(joined, [sql`${articles.title}`])}`), desc(articles.id))
      .limit(LIMIT.article);
    return rows.map((row) => ({ ...row, titleSnippet: markTerms(row.title, terms) }));
  };

  // Custom plans only: how many rows a query matches decides its plan, and after five runs of one prepared
  // statement PostgreSQL may settle on a generic plan for every query (a name took 9 s that way: the newest 500
  // matches sought backwards through the primary key). One after another: a transaction runs one at a time.
  const { claimRows, sourceRows, articleRows } = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`); // true: for this transaction only
    return { claimRows: await searchClaims(tx), sourceRows: await searchSources(tx), articleRows: await searchArticles(tx) };
  });
  return {
    claims: claimRows.map(({ rationaleMatched, rationaleSnippet, status, ...row }) => ({
      ...row,
      status: everything ? status : null,
      rationaleSnippet: rationaleMatched ? rationaleSnippet : null,
    })),
    sources: sourceRows,
    articles: articleRows.map(({ status, ...row }) => ({ ...row, status: everything ? status : null })),

    everything,
  };
}

export type SearchResults = Awaited<ReturnType<typeof searchEverything>>;
