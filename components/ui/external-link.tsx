import type { ReactNode } from "react";
import { safeHttpUrl } from "@/lib/url/safe-http-url";

/** Links to the outside world: only http(s), no referrer or opener leaks, no endorsement for search engines. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline-offset-2 hover:underline break-words">
      {children}
    </a>
  );
}
