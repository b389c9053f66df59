import type { Database } from "@/db/types";
import { archiveBanner, withBanner, wrapperPage } from "@/lib/sources/archive-banner";
import { ARCHIVE_CONTENT_SECURITY_POLICY } from "@/lib/sources/archive-policy";
import { getSnapshotByPublicId } from "../services/archive/capture-status";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Headers of every /archive answer. No Set-Cookie ever (the route reads no session, so it has none to send) and
 * the sandbox CSP; a snapshot never changes, so it may be cached for a long time.
 */
function headers(contentType: string, cacheControl: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Content-Security-Policy": ARCHIVE_CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": cacheControl,
    ...extra,
  });
}

/** The answer to GET /archive/<publicId>: the archived copy with its banner, sandboxed. */
export async function archiveResponse(db: Database, publicId: string, { download = false } = {}): Promise<Response> {
  const notFound = () => new Response("No archived copy here.", { status: 404, headers: headers("text/plain; charset=utf-8", "public, max-age=60") });
  if (!UUID.test(publicId)) return notFound();
  const snapshot = await getSnapshotByPublicId(db, publicId);
  if (!snapshot) return notFound();
  const immutable = "public, max-age=31536000, immutable";
  if (download) {
    return new Response(new Uint8Array(snapshot.document), {
      headers: headers(snapshot.contentType ?? "application/octet-stream", immutable, { "Content-Disposition": `attachment; filename="archived-copy-${snapshot.id}"` }),
    });
  }
  const banner = archiveBanner({ originalUrl: snapshot.requestedUrl, finalUrl: snapshot.finalUrl, capturedAt: snapshot.fetchedAt, sha256: snapshot.sha256 });
  const isHtml = snapshot.contentType === "text/html" || snapshot.contentType === "application/xhtml+xml";
  // Without a charset the browser takes the page's own <meta charset>, as it did on the original site.
  const body = isHtml ? withBanner(snapshot.document, banner) : wrapperPage(banner, snapshot.contentType, snapshot.document);
  return new Response(new Uint8Array(body), { headers: headers(isHtml ? "text/html" : "text/html; charset=utf-8", immutable) });
}
