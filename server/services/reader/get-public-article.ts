import type { Database } from "@/db/types";
import { anonymous } from "../../actor";
import { NotFoundError } from "../../errors";
import { getArticleBySlug } from "../article/get-article-by-slug";
import { getPublishedClaims } from "./get-published-claims";

/**
 * An article as the public machine outputs see it (annotations export, badge, embed). Always asks as
 * the anonymous actor, whoever is signed in: these URLs are shared and cached, so a draft must be
 * NOT_FOUND for everyone, and claim data comes only from getPublishedClaims.
 */
export async function getPublicArticle(db: Database, slug: string) {
  const article = await getArticleBySlug({ db, actor: anonymous }, slug);
  const claims = await getPublishedClaims(db, article.id);
  return {
    slug: article.slug,
    title: article.title,
    byline: article.byline,
    publisherName: article.publisherName,
    originalUrl: article.originalUrl,
    publishedOn: article.publishedOn,
    body: article.body,
    claims,
  };
}

export type PublicArticle = Awaited<ReturnType<typeof getPublicArticle>>;

/** The same, with "not found" (unknown slug or not published) as null for routes that answer it themselves. */
export async function findPublicArticle(db: Database, slug: string): Promise<PublicArticle | null> {
  try {
    return await getPublicArticle(db, slug);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
