import type { PublishingOrganization } from "./types";

/**
 * The site's public origin. NEXTAUTH_URL (always set in production by scripts/start.mjs) wins over
 * the request, whose Host header a client controls and a proxy may rewrite: exported IRIs must be
 * stable and must not be steerable by whoever asks.
 */
export function publicOrigin(configured: string | undefined, requestUrl: string): string {
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting should not take the export down; the request origin is the next best.
    }
  }
  return new URL(requestUrl).origin;
}

const slugPath = (slug: string) => encodeURIComponent(slug);

export const readerPath = (slug: string) => `/a/${slugPath(slug)}`;
export const claimPath = (slug: string, claimId: number) => `${readerPath(slug)}#claim-${claimId}`;
export const annotationsPath = (slug: string) => `/api/articles/${slugPath(slug)}/annotations`;

/** The organisation credited as author/creator of every published fact-check. */
export function factdeskOrganization(origin: string): PublishingOrganization {
  return { name: "Factdesk", url: origin };
}
