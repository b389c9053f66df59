import { eq } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";
import { articleStatusInput } from "./article-input";

export const setArticleStatusInput = z.object({
  articleId: idInput,
  status: articleStatusInput,
});

/** Publishes an article to readers, or takes it back to draft. */
export async function setArticleStatus(ctx: ServiceContext, rawInput: z.input<typeof setArticleStatusInput>) {
  assertCan(ctx.actor, "article.setStatus");
  const input = setArticleStatusInput.parse(rawInput);
  const [updated] = await ctx.db
    .update(articles)
    .set({ status: input.status, updatedAt: new Date() })
    .where(eq(articles.id, input.articleId))
    .returning({ id: articles.id, slug: articles.slug, status: articles.status });
  if (!updated) throw new NotFoundError("That article");
  await ctx.publicCache?.articleChanged(updated.id);
  return updated;
}
