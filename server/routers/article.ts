import { z } from "zod";
import { getRevisionDiff, listRevisions, revisionDiffInput } from "../services/article/article-revisions";
import { editArticle, editArticleInput } from "../services/article/edit-article";
import { fetchArticleFromUrl, fetchArticleFromUrlInput } from "../services/article/fetch-article-from-url";
import { importArticle, importArticleInput } from "../services/article/import-article";
import { getArticleBySlug } from "../services/article/get-article-by-slug";
import { listArticlesForDashboard } from "../services/article/list-articles-for-dashboard";
import { listPublishedArticles } from "../services/article/list-published";
import { previewArticle, previewArticleInput } from "../services/article/preview-article";
import { setArticleStatus, setArticleStatusInput } from "../services/article/set-article-status";
import { idInput } from "../services/ids";
import { createTRPCRouter, editorProcedure, publicProcedure } from "../trpc/init";

export const articleRouter = createTRPCRouter({
  listPublished: publicProcedure.query(({ ctx }) => listPublishedArticles(ctx)),
  bySlug: publicProcedure.input(z.object({ slug: z.string().min(1).max(120) })).query(({ ctx, input }) => getArticleBySlug(ctx, input.slug)),
  dashboard: editorProcedure.query(({ ctx }) => listArticlesForDashboard(ctx)),
  // Preview and fetch write nothing, but are mutations: their input (a whole article) is too big for a GET URL,
  // and fetching a URL the editor typed is not something a cached or prefetched GET should trigger.
  preview: editorProcedure.input(previewArticleInput).mutation(({ ctx, input }) => previewArticle(ctx, input)),
  fetchFromUrl: editorProcedure.input(fetchArticleFromUrlInput).mutation(({ ctx, input }) => fetchArticleFromUrl(ctx, input)),
  import: editorProcedure.input(importArticleInput).mutation(({ ctx, input }) => importArticle(ctx, input)),
  revisions: editorProcedure.input(z.object({ articleId: idInput })).query(({ ctx, input }) => listRevisions(ctx, input.articleId)),
  revisionDiff: editorProcedure.input(revisionDiffInput).query(({ ctx, input }) => getRevisionDiff(ctx, input)),
  edit: editorProcedure.input(editArticleInput).mutation(({ ctx, input }) => editArticle(ctx, input)),
  setStatus: editorProcedure.input(setArticleStatusInput).mutation(({ ctx, input }) => setArticleStatus(ctx, input)),
});
