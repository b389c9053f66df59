import { eq } from "drizzle-orm";
import { articleRevisions, articles } from "@/db/schema";
import type { Database } from "@/db/types";
import { describeSpan, snapToWordBoundaries, type Anchor } from "@/lib/anchoring";
import { ConflictError, InvalidInputError, NotFoundError } from "../../errors";

export interface Selection {
  /** The revision the editor selected in: a selection on stale text would land on the wrong words. */
  revisionId: number;
  start: number;
  end: number;
}

/**
 * What an editor's selection in an article's current revision covers, snapped to whole words: the shared
 * first step of marking a claim and of re-attaching one. Refuses a selection made on an older revision.
 */
export async function selectedSpan(tx: Database, articleId: number, selection: Selection): Promise<{ articleId: number; revisionId: number; anchor: Anchor }> {
  const [article] = await tx
    .select({ revisionId: articles.currentRevisionId, body: articleRevisions.body })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId));
  if (!article || article.revisionId === null) throw new NotFoundError("That article");
  if (article.revisionId !== selection.revisionId) {
    throw new ConflictError("The article text has changed since you opened it. Reload, then select the words again.");
  }
  if (Math.max(selection.start, selection.end) > article.body.length) throw new InvalidInputError("The selection runs past the end of the article. Select the text again.");
  const snapped = snapToWordBoundaries(article.body, selection.start, selection.end);
  if (!snapped) throw new InvalidInputError("Select some words of the article, not just spaces.");
  return { articleId, revisionId: article.revisionId, anchor: describeSpan(article.body, snapped.start, snapped.end) };
}
