import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { APP_CACHE_SECONDS, articleTag } from "@/server/http/public-cache-policy.mjs";
import { publicRead } from "@/server/http/public-read";
import { getPublicCaller } from "@/server/trpc/server-caller";

/** Cached per slug; a change to what readers see expires the tag (server/http/next-public-cache.ts). */
export const loadReaderView = cache((slug: string) =>
  publicRead(
    unstable_cache(async () => (await getPublicCaller()).reader.view({ slug }), ["reader-view", slug], {
      tags: [articleTag(slug)],
      revalidate: APP_CACHE_SECONDS,
    }),
  ),
);
