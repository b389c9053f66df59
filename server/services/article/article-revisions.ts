import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { articleRevisions, articles, users } from "@/db/schema";
import { revisionDiff } from "@/lib/articles/revision-diff";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";

/** An article's revisions, newest first: who saved each, when, with what note. Bodies are left out. */
export async function listRevisions(ctx: ServiceContext, articleId: number) {
  assertCan(ctx.actor, "article.readRevisions");
  const [article] = await ctx.db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, currentRevisionId: articles.currentRevisionId })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) throw new NotFoundError("That article");
  const revisions = await ctx.db
    .select({ id: articleRevisions.id, authorName: users.name, note: articleRevisions.note, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id));
  return { article, revisions };
}

export const revisionDiffInput = z.object({ articleId: idInput, from: idInput, to: idInput });

/** The word-level differences from one revision of an article to another (either order). */
export async function getRevisionDiff(ctx: ServiceContext, rawInput: z.input<typeof revisionDiffInput>) {
  assertCan(ctx.actor, "article.readRevisions");
  const input = revisionDiffInput.parse(rawInput);
  const rows = await ctx.db
    .select({ id: articleRevisions.id, body: articleRevisions.body })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, input.articleId), inArray(articleRevisions.id, [input.from, input.to])));
  const from = rows.find((r) => r.id === input.from);
  const to = rows.find((r) => r.id === input.to);
  if (!from || !to) throw new NotFoundError("That revision");
  return { from: from.id, to: to.id, ...revisionDiff(from.body, to.body) };
}
