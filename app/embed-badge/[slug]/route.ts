import { getAppDatabase } from "@/db/app-database";
import { BADGE_CONTENT_SECURITY_POLICY } from "@/lib/embed/badge-policy";
import { summaryBadgeSvg, unavailableBadgeSvg } from "@/lib/embed/summary-badge-svg";
import { summarizeVerdicts } from "@/lib/verdict-summary";
import { findPublicArticle } from "@/server/services/reader/get-public-article";

// Served as /embed/<slug>.svg through a rewrite in next.config.ts (a folder cannot be named "[slug].svg").
type Params = { params: Promise<{ slug: string }> };

const BRAND = "Factdesk";

/** nosniff: never read as anything but an image. The CSP (see badge-policy) is also set in next.config.ts. */
function svgResponse(svg: string, status: number, cacheControl: string): Response {
  return new Response(svg, {
    status,
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": cacheControl,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": BADGE_CONTENT_SECURITY_POLICY,
    },
  });
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  let article;
  try {
    article = await findPublicArticle((await getAppDatabase()).db, slug);
  } catch (error) {
    console.error(`[badge ${slug}] failed`, error);
    return svgResponse(unavailableBadgeSvg(BRAND), 500, "no-store");
  }
  // Unknown and unpublished look the same (nothing about drafts leaks) and are still an image, so a
  // publisher's page shows a neutral badge instead of a broken-image icon. Briefly cached only.
  if (!article) return svgResponse(unavailableBadgeSvg(BRAND), 404, "public, max-age=60");

  const summary = summarizeVerdicts(article.claims.map((claim) => claim.verdict));
  return svgResponse(summaryBadgeSvg({ brand: BRAND, title: article.title, summary }), 200, "public, max-age=300, s-maxage=300, stale-while-revalidate=600");
}
