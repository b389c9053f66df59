/**
 * Runs claim matching over a corpus given as JSON, the way the app would: the corpus becomes claims in a fresh
 * in-memory database with the app's schema (the committed migrations), and each query goes through
 * findSimilarClaims, the same retrieval and ranking the workspace uses. Shared by the match-claims CLI and the
 * eval:match script.
 */
import type { z } from "zod";
import { openPglite } from "@/db/client";
import { articleRevisions, articles, claims, publishers } from "@/db/schema";
import type { Database } from "@/db/types";
import { FeatureCache } from "@/lib/matching/rank";
import { findSimilarClaims } from "@/server/services/claim-memory/find-similar-claims";
import { matchInput, type MatchInput, type MatchOutput } from "./match-input";

export type { MatchInput, MatchOutput };

const BATCH = 500;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One article per corpus claim (the CLI's input has no articles), each claim spanning its article's whole body. */
async function loadCorpus(db: Database, corpus: z.output<typeof matchInput>["corpus"]): Promise<Map<number, string>> {
  const corpusIdByClaim = new Map<number, string>();
  const [publisher] = await db.insert(publishers).values({ domain: "match-claims.invalid", name: "match-claims corpus" }).returning({ id: publishers.id });
  for (const [batchNo, batch] of chunks(corpus).entries()) {
    const base = batchNo * BATCH;
    const articleRows = await db
      .insert(articles)
      .values(batch.map((_, i) => ({ slug: `corpus-${base + i + 1}`, title: `Corpus claim ${base + i + 1}`, publisherId: publisher!.id })))
      .returning({ id: articles.id, slug: articles.slug });
    const articleBySlug = new Map(articleRows.map((a) => [a.slug, a.id]));
    const articleIds = batch.map((_, i) => articleBySlug.get(`corpus-${base + i + 1}`)!);
    const revisionRows = await db
      .insert(articleRevisions)
      .values(batch.map((item, i) => ({ articleId: articleIds[i]!, body: item.text })))
      .returning({ id: articleRevisions.id, articleId: articleRevisions.articleId });
    const revisionByArticle = new Map(revisionRows.map((r) => [r.articleId, r.id]));
    const claimRows = await db
      .insert(claims)
      .values(
        batch.map((item, i) => ({
          articleId: articleIds[i]!,
          revisionId: revisionByArticle.get(articleIds[i]!)!,
          quoteExact: item.text,
          positionStart: 0,
          positionEnd: item.text.length,
          kind: "quote" as const,
          speaker: item.speaker ?? null,
        })),
      )
      .returning({ id: claims.id, articleId: claims.articleId });
    const itemByArticle = new Map(articleIds.map((id, i) => [id, batch[i]!.id]));
    for (const row of claimRows) corpusIdByClaim.set(row.id, itemByArticle.get(row.articleId)!);
  }
  return corpusIdByClaim;
}

export async function matchCorpus(rawInput: MatchInput): Promise<MatchOutput> {
  const input = matchInput.parse(rawInput);
  const handle = await openPglite();
  try {
    await handle.migrate();
    const corpusIdByClaim = await loadCorpus(handle.db, input.corpus);
    const cache = new FeatureCache(input.corpus.length + input.queries.length);
    const results: MatchOutput["results"] = [];
    for (const query of input.queries) {
      const similar = await findSimilarClaims(handle.db, { text: query.text, speaker: query.speaker ?? null }, cache);
      results.push({
        query: query.id,
        matches: similar.map((m) => ({ id: corpusIdByClaim.get(m.claimId)!, score: m.score, same: m.same })),
      });
    }
    return { results };
  } finally {
    await handle.close();
  }
}
