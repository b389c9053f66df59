import type { ReactNode } from "react";
import { ExternalLink } from "@/components/ui/external-link";
import { urlAtLocator } from "@/lib/sources/locator";
import { formatDateTime } from "@/lib/text/format-date";
import { safeHttpUrl } from "@/lib/url/safe-http-url";
import { ReliabilityLabel, StanceChip } from "./source-labels";
import type { ClaimEvidence } from "./types";

/** Where the source's archived copy stands; a live region, so the change is announced while the editor waits. */
function ArchiveStatus({ link }: { link: ClaimEvidence }) {
  let content: ReactNode = null;
  if (link.snapshot) {
    content = (
      <a href={link.snapshot.href} rel="noopener" target="_blank" className="text-accent underline-offset-2 hover:underline">
        archived copy (captured {formatDateTime(link.snapshot.capturedAt)})
      </a>
    );
  } else if (link.captureState === "queued" || link.captureState === "capturing") {
    content = <span>archiving…</span>;
  } else if (link.captureState === "failed") {
    content = <span title={link.captureError ?? undefined}>archive failed</span>;
  }
  return <span aria-live="polite">{content}</span>;
}

/** One evidence link: stance, source (opened at the locator for videos), publisher with rating, excerpt, note. */
export function EvidenceItem({ link, onRemove, adminActions }: { link: ClaimEvidence; onRemove?: () => void; adminActions?: ReactNode }) {
  const safeSource = safeHttpUrl(link.sourceUrl);
  const target = safeSource ? urlAtLocator(safeSource, link.locator) : null;
  const name = link.sourceTitle ?? link.sourceUrl;
  return (
    <li className="space-y-1.5 rounded border border-rule p-2.5">
      <div className="flex flex-wrap items-start gap-1.5">
        <StanceChip stance={link.stance} />
        <span className="min-w-0 flex-1 text-sm font-medium">
          <ExternalLink href={target}>{name}</ExternalLink>
        </span>
      </div>
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-quiet">
        <span>{link.publisherName ?? "Unknown publisher"}</span>
        <ReliabilityLabel rating={link.publisherRating} />
        <ArchiveStatus link={link} />
        {!link.snapshot && link.archivedUrl && <ExternalLink href={link.archivedUrl}>Archived copy</ExternalLink>}
        {link.linkHealth === "dead" && <span className="whitespace-nowrap rounded bg-[#ffebe9] px-1 text-[#a40e26]">original unavailable</span>}
        {link.linkHealth === "redirected" && link.redirectUrl && (
          <span>
            moved: <ExternalLink href={link.redirectUrl}>new address</ExternalLink>
          </span>
        )}
      </p>
      {link.excerpt && <blockquote className="border-l-4 border-rule pl-2 font-serif text-sm">{link.excerpt}</blockquote>}
      {(link.locator || link.note) && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
          {link.locator && (
            <>
              <dt className="text-quiet">Locator</dt>
              <dd>{link.locator}</dd>
            </>
          )}
          {link.note && (
            <>
              <dt className="text-quiet">Note</dt>
              <dd className="whitespace-pre-line">{link.note}</dd>
            </>
          )}
        </dl>
      )}
      {adminActions}
      {onRemove && (
        <button type="button" onClick={onRemove} className="text-xs text-[#a40e26] hover:underline" aria-label={`Remove evidence: ${name}`}>
          Remove
        </button>
      )}
    </li>
  );
}
