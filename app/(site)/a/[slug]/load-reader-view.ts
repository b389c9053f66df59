import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getAppDatabase } from "@/db/app-database";
import { readerTag } from "@/server/http/public-cache-tags";
import { getReaderView } from "@/server/services/reader/get-reader-view";

/** Cached per slug; a verdict published or withdrawn expires the tag (server/http/next-public-cache.ts). */
export const loadReaderView = cache((slug: string) =>
  unstable_cache(
    async () => getReaderView((await getAppDatabase()).db, slug),
    ["reader-view", slug],
    { tags: [readerTag(slug)], revalidate: 3600 },
  )(),
);
