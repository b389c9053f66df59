import type { ReactNode } from "react";
import { safeHttpUrl } from "@/lib/url/safe-http-url";

/**
 * Links to the outside world: only http(s), no referrer or opener leaks, no endorsement for search engines.
 * Anything else (a stored javascript: or data: URL, or no URL at all) renders as plain text.
 */
export function ExternalLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  const safe = href ? safeHttpUrl(href) : null;
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline-offset-2 hover:underline break-words">
      {children}
    </a>
  );
}
