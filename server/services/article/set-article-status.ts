import { eq } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";
import { articleStatusInput } from "./article-input";
import { articlesSharingClaims } from "../claim-memory/claim-groups";

export const setArticleStatusInput = z.object({
  articleId: idInput,
  status: articleStatusInput,
});

/** Publishes an article to readers, or takes it back to draft. Setting the status it already has changes nothing. */
export async function setArticleStatus(ctx: ServiceContext, rawInput: z.input<typeof setArticleStatusInput>) {
  assertCan(ctx.actor, "article.setStatus");
  const input = setArticleStatusInput.parse(rawInput);
  const result = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: articles.id, slug: articles.slug, status: articles.status })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .for("update");
    if (!current) throw new NotFoundError("That article");
    if (current.status === input.status) return { article: current, changed: false };
    const [updated] = await tx
      .update(articles)
      .set({ status: input.status, updatedAt: new Date() })
      .where(eq(articles.id, input.articleId))
      .returning({ id: articles.id, slug: articles.slug, status: articles.status });
    if (!updated) throw new Error("article vanished while locked");
    await recordAudit(tx, ctx.actor, { action: "article.status_changed", entityId: updated.id, before: { status: current.status }, after: { status: updated.status } });
    return { article: updated, changed: true };
  });
  if (result.changed) {
    // Articles carrying the same claims list this one under "Also checked in" only while it is published.
    await ctx.publicCache?.changed({ articleIds: [result.article.id, ...(await articlesSharingClaims(ctx.db, result.article.id))] });
  }
  return result.article;
}
