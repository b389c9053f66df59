import { randomUUID } from "node:crypto";
import { BADGE_CONTENT_SECURITY_POLICY } from "@/lib/embed/badge-policy";
import { summaryBadgeSvg, unavailableBadgeSvg } from "@/lib/embed/summary-badge-svg";
import { summarizeVerdicts } from "@/lib/verdict-summary";
import { toHttpError } from "@/server/errors";
import { PUBLIC_CACHE_CONTROL, SURROGATE_KEY_HEADER, UNSTORED_CACHE_CONTROL, contentKeysOf } from "@/server/http/public-cache-policy.mjs";
import { getPublicCaller } from "@/server/trpc/server-caller";

// Served as /embed/<slug>.svg through a rewrite in next.config.ts (a folder cannot be named "[slug].svg").
type Params = { params: Promise<{ slug: string }> };

const BRAND = "Factdesk";

/**
 * nosniff: never read as anything but an image. The CSP (see badge-policy) is also set in next.config.ts.
 * Caching follows the one policy (docs/caching.md): revalidated on every use, ETag and 304 added by
 * scripts/serve.mjs, so a withdrawn verdict leaves a publisher's page at the next view.
 */
function svgResponse(svg: string, status: number, headers: Record<string, string>): Response {
  return new Response(svg, {
    status,
    headers: {
      ...headers,
      "Content-Type": "image/svg+xml; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": BADGE_CONTENT_SECURITY_POLICY,
    },
  });
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  const requestId = randomUUID();
  let article;
  try {
    article = await (await getPublicCaller()).reader.article({ slug });
  } catch (error) {
    // Unknown and unpublished look the same (nothing about drafts leaks), an outage is a 503 with
    // Retry-After (the mapping every procedure uses), and each is still an image, so a publisher's page
    // shows a neutral badge instead of a broken-image icon. Never stored.
    const { status, headers } = toHttpError(error, requestId);
    return svgResponse(unavailableBadgeSvg(BRAND), status, { ...headers, "Cache-Control": UNSTORED_CACHE_CONTROL });
  }
  const summary = summarizeVerdicts(article.claims.map((claim) => claim.verdict));
  return svgResponse(summaryBadgeSvg({ brand: BRAND, title: article.title, summary }), 200, {
    "Cache-Control": PUBLIC_CACHE_CONTROL,
    [SURROGATE_KEY_HEADER]: contentKeysOf(article.claims).join(" "),
  });
}
