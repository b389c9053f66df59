import { randomUUID } from "node:crypto";
import { factdeskOrganization, annotationsPath, publicOrigin, readerPath } from "@/lib/structured-data/public-urls";
import { ANNOTATION_MEDIA_TYPE, buildAnnotationCollection } from "@/lib/structured-data/web-annotation";
import { serverEnv } from "@/server/env.mjs";
import { toHttpError } from "@/server/errors";
import { PUBLIC_CACHE_CONTROL, SURROGATE_KEY_HEADER, UNSTORED_CACHE_CONTROL, contentKeysOf } from "@/server/http/public-cache-policy.mjs";
import { getPublicCaller } from "@/server/trpc/server-caller";

type Params = { params: Promise<{ slug: string }> };

// Public, identical for every caller (always read as anonymous), so other origins (browser annotation
// clients) may use it. Caching follows the one policy (docs/caching.md): revalidated on every use, ETag and
// 304 added by scripts/serve.mjs.
const CORS = { "Access-Control-Allow-Origin": "*" };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  const requestId = randomUUID();
  let article;
  try {
    article = await (await getPublicCaller()).reader.article({ slug });
  } catch (error) {
    // The same mapping as every procedure: 404 for a draft or unknown slug, 503 + Retry-After when the
    // database is down. Never stored: a draft that gets published must stop being 404 at once.
    const { status, message, headers } = toHttpError(error, requestId);
    return Response.json({ error: { message } }, { status, headers: { ...CORS, ...headers, "Cache-Control": UNSTORED_CACHE_CONTROL } });
  }

  const origin = publicOrigin(serverEnv().NEXTAUTH_URL, request.url);
  const collection = buildAnnotationCollection({
    exportUrl: `${origin}${annotationsPath(article.slug)}`,
    articleUrl: `${origin}${readerPath(article.slug)}`,
    articleTitle: article.title,
    publisher: factdeskOrganization(origin),
    claims: article.claims,
  });
  return new Response(JSON.stringify(collection), {
    headers: { ...CORS, "Cache-Control": PUBLIC_CACHE_CONTROL, "Content-Type": ANNOTATION_MEDIA_TYPE, [SURROGATE_KEY_HEADER]: contentKeysOf(article.claims).join(" ") },
  });
}
