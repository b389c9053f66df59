import { getAppDatabase } from "@/db/app-database";
import { factdeskOrganization, annotationsPath, publicOrigin, readerPath } from "@/lib/structured-data/public-urls";
import { ANNOTATION_MEDIA_TYPE, buildAnnotationCollection } from "@/lib/structured-data/web-annotation";
import { serverEnv } from "@/server/env.mjs";
import { findPublicArticle } from "@/server/services/reader/get-public-article";

type Params = { params: Promise<{ slug: string }> };

// Public, identical for every caller (always read as anonymous), so shared caches and other origins
// (browser annotation clients) may use it. Short s-maxage: a newly published verdict shows within a minute.
const PUBLIC_HEADERS = {
  "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=60",
  "Access-Control-Allow-Origin": "*",
};

function errorResponse(status: number, message: string): Response {
  // Not cached: a draft that gets published must stop being 404 at once.
  return Response.json({ error: { message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  let article;
  try {
    article = await findPublicArticle((await getAppDatabase()).db, slug);
  } catch (error) {
    console.error(`[annotations ${slug}] export failed`, error);
    return errorResponse(500, "The annotations could not be loaded right now. Try again in a minute.");
  }
  if (!article) return errorResponse(404, "No published article has that address. It may have been unpublished, or the link is wrong.");

  const origin = publicOrigin(serverEnv().NEXTAUTH_URL, request.url);
  const collection = buildAnnotationCollection({
    exportUrl: `${origin}${annotationsPath(article.slug)}`,
    articleUrl: `${origin}${readerPath(article.slug)}`,
    articleTitle: article.title,
    publisher: factdeskOrganization(origin),
    claims: article.claims,
  });
  return new Response(JSON.stringify(collection), { headers: { ...PUBLIC_HEADERS, "Content-Type": ANNOTATION_MEDIA_TYPE } });
}
