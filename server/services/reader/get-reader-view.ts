import type { Database } from "@/db/types";
import { anonymous } from "../../actor";
import { NotFoundError } from "../../errors";
import { getArticleBySlug } from "../article/get-article-by-slug";
import { getClaimsUnderReview, getPublishedClaims } from "./get-published-claims";

/**
 * Everything the public reader page shows, asked as the anonymous reader whoever is signed in, so the
 * cached page can be shared by everyone. Dates become ISO strings: the result is cached as JSON.
 * Null when there is no published article with this slug.
 */
export async function getReaderView(db: Database, slug: string) {
  let article;
  try {
    article = await getArticleBySlug({ db, actor: anonymous }, slug);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  const claims = await getPublishedClaims(db, article.id);
  const underReview = await getClaimsUnderReview(db, article.id);
  return {
    article,
    claims: claims.map((claim) => ({ ...claim, publishedAt: claim.publishedAt.toISOString() })),
    underReview,
  };
}

export type ReaderView = NonNullable<Awaited<ReturnType<typeof getReaderView>>>;
export type ReaderClaim = ReaderView["claims"][number];
