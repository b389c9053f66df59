import { z } from "zod";
import { getPublicArticle } from "../services/reader/get-public-article";
import { getReaderView } from "../services/reader/get-reader-view";
import { createTRPCRouter, publicProcedure } from "../trpc/init";

// The public outputs' reads. Both answer as the anonymous reader whoever asks (the outputs are shared and
// cached); a malformed slug is "not found" in the service, like an unknown one.
const slugInput = z.object({ slug: z.string().min(1).max(120) });

export const readerRouter = createTRPCRouter({
  /** The reader page (/a/<slug>): null when no published article has this slug, so the page can cache that too. */
  view: publicProcedure.input(slugInput).query(({ ctx, input }) => getReaderView(ctx.db, input.slug)),
  /** The machine outputs (annotation export, SVG badge, embed card): NOT_FOUND for drafts and unknown slugs. */
  article: publicProcedure.input(slugInput).query(({ ctx, input }) => getPublicArticle(ctx.db, input.slug)),
});
