import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { articleRevisions, articles, claimSuggestions, claims } from "@/db/schema";
import type { Database } from "@/db/types";
import { FeatureCache } from "@/lib/matching/rank";
import { splitSentences } from "@/lib/text/sentences";
import type { ServiceContext } from "../context";
import { findSimilarClaims } from "./find-similar-claims";

/** Shorter "sentences" (headings, datelines) carry too little to be a checked claim. */
const MIN_SENTENCE_LENGTH = 25;
/** Longer "sentences" are lists or text without full stops, not a claim (findSimilarClaims takes at most 5,000). */
const MAX_SENTENCE_LENGTH = 1_000;
/** At most this many earlier claims offered per sentence. */
const MATCHES_PER_SENTENCE = 2;
const CANDIDATES_PER_SENTENCE = 10;

/**
 * Claim memory (decision 0032): matches every sentence of the article's current text against the published claims
 * of other published articles and stores the ones the matcher would link (`same`) as open suggestions. Sentences
 * an editor already marked are skipped; a dismissed or accepted suggestion is never offered again; an open one
 * whose sentence left the text goes. Runs after the import or edit has committed, outside its transaction.
 */
export async function rememberClaims(db: Database, articleId: number): Promise<{ sentences: number; suggestions: number }> {
  const [article] = await db
    .select({ revisionId: articleRevisions.id, body: articleRevisions.body })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId));
  if (!article) return { sentences: 0, suggestions: 0 };
  const marked = await db
    .select({ start: claims.positionStart, end: claims.positionEnd })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), isNull(claims.deletedAt), ne(claims.anchorState, "orphaned")));
  const sentences = splitSentences(article.body).filter(
    (s) => s.text.length >= MIN_SENTENCE_LENGTH && s.text.length <= MAX_SENTENCE_LENGTH && !marked.some((m) => m.start < s.end && s.start < m.end),
  );

  const cache = new FeatureCache();
  const found: (typeof claimSuggestions.$inferInsert)[] = [];
  for (const sentence of sentences) {
    const matches = await findSimilarClaims(db, { text: sentence.text, excludeArticleId: articleId, publishedOnly: true, limit: CANDIDATES_PER_SENTENCE }, cache);
    // Among equally good matches (the same claim checked in several articles) the latest verdict is offered.
    const best = matches
      .filter((m) => m.same)
      .sort((a, b) => b.score - a.score || (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
      .slice(0, MATCHES_PER_SENTENCE);
    for (const match of best) {
      found.push({
        articleId,
        revisionId: article.revisionId,
        sentence: sentence.text,
        positionStart: sentence.start,
        positionEnd: sentence.end,
        matchedClaimId: match.claimId,
        score: match.score,
      });
    }
  }

  await db.transaction(async (tx) => {
    if (found.length > 0) {
      await tx
        .insert(claimSuggestions)
        .values(found)
        .onConflictDoUpdate({
          target: [claimSuggestions.articleId, claimSuggestions.matchedClaimId, claimSuggestions.sentence],
          // Only an open suggestion follows its sentence to the new revision; decided ones are history.
          set: { revisionId: sql`excluded.revision_id`, positionStart: sql`excluded.position_start`, positionEnd: sql`excluded.position_end`, score: sql`excluded.score` },
          setWhere: eq(claimSuggestions.status, "open"),
        });
    }
    const stale = await tx
      .select({ id: claimSuggestions.id })
      .from(claimSuggestions)
      .where(and(eq(claimSuggestions.articleId, articleId), eq(claimSuggestions.status, "open"), ne(claimSuggestions.revisionId, article.revisionId)));
    if (stale.length > 0) await tx.delete(claimSuggestions).where(inArray(claimSuggestions.id, stale.map((s) => s.id)));
  });
  return { sentences: sentences.length, suggestions: found.length };
}

/** Claim memory after a commit: a failure there must not undo or fail the saved text (the editor can save again). */
export async function rememberClaimsAfterCommit(ctx: ServiceContext, articleId: number) {
  try {
    await rememberClaims(ctx.db, articleId);
  } catch (error) {
    console.error("claim memory: matching the article's sentences failed", error);
  }
}
