import { ReliabilityLabel, StanceChip } from "@/components/workspace/source-labels";
import { ExternalLink } from "@/components/ui/external-link";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { formatDateTime } from "@/lib/text/format-date";
import { urlAtLocator } from "@/lib/sources/locator";
import { VERDICT_SCALE } from "@/lib/verdicts";
import type { ReaderClaim } from "@/server/services/reader/get-reader-view";

/** The content of a claim's dialog: verdict, rationale, sources, and who reviewed it when. */
export function ClaimDetails({ claim, headingId }: { claim: ReaderClaim; headingId: string }) {
  return (
    <article className="space-y-4 font-sans">
      <header className="space-y-2">
        <VerdictBadge verdict={claim.verdict} size="md" />
        {/* The claim's own words, as marked: they often carry their own quotation marks, so none are added. */}
        {/* Focused when the dialog opens (openClaimDialog), so reading starts at the verdict. */}
        <h2 id={headingId} tabIndex={-1} className="scroll-mt-6 border-l-4 pl-3 font-serif text-lg leading-snug" style={{ borderColor: VERDICT_SCALE[claim.verdict].color }}>
          {claim.exact}
        </h2>
        {claim.speaker && <p className="text-sm text-quiet">Claim by {claim.speaker}</p>}
      </header>
      <section aria-label="Rationale">
        <p className="whitespace-pre-line leading-relaxed">{claim.rationale}</p>
      </section>
      {claim.sources.length > 0 && (
        <section aria-labelledby={`${headingId}-sources`}>
          <h3 id={`${headingId}-sources`} className="text-sm font-semibold">Sources</h3>
          <ul className="mt-2 space-y-3">
            {claim.sources.map((source) => (
              <li key={source.id} className="rounded border border-rule p-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <StanceChip stance={source.stance} />
                  <span className="font-medium">{source.publisherName ?? "Unknown publisher"}</span>
                  <ReliabilityLabel rating={source.publisherRating} />
                </div>
                {source.dead && source.snapshot && (
                  // The original is gone: the copy comes first, the dead link after it.
                  <p className="mt-1">
                    <a href={source.snapshot.href} rel="noopener" target="_blank" className="text-accent underline">
                      Archived copy (captured {formatDateTime(source.snapshot.capturedAt)})
                    </a>
                  </p>
                )}
                <p className="mt-1">
                  <ExternalLink href={urlAtLocator(source.url, source.locator)}>{source.title ?? source.url}</ExternalLink>
                  {source.locator && <span className="text-quiet"> · at {source.locator}</span>}
                  {source.dead && <span className="ml-1 whitespace-nowrap rounded bg-[#ffebe9] px-1 text-xs text-[#a40e26]">original unavailable</span>}
                </p>
                {source.excerpt && <blockquote className="mt-2 border-l-2 border-rule pl-3 italic text-quiet">{source.excerpt}</blockquote>}
                {!source.dead && source.snapshot && (
                  <p className="mt-1 text-xs">
                    <a href={source.snapshot.href} rel="noopener" target="_blank" className="text-accent underline">
                      Archived copy (captured {formatDateTime(source.snapshot.capturedAt)})
                    </a>
                  </p>
                )}
                {!source.snapshot && source.archivedUrl && (
                  <p className="mt-1 text-xs">
                    <ExternalLink href={source.archivedUrl}>Archived copy</ExternalLink>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {claim.alsoCheckedIn.length > 0 && (
        <section aria-labelledby={`${headingId}-elsewhere`} className="text-sm">
          <h3 id={`${headingId}-elsewhere`} className="inline font-semibold">
            Also checked in:
          </h3>{" "}
          {claim.alsoCheckedIn.map((other, i) => (
            <span key={other.slug}>
              {i > 0 && ", "}
              <a href={`/a/${other.slug}`} className="text-accent underline">
                {other.title}
              </a>
            </span>
          ))}
        </section>
      )}
      <footer className="text-xs text-quiet">
        Reviewed {formatDateTime(claim.publishedAt)}
        {claim.checkedBy && <> · checked by {claim.checkedBy}</>}
        {claim.reviewedBy && <> · approved by {claim.reviewedBy}</>}
        {" · "}
        <a href="#how-we-rate" className="underline">How we rate claims</a>
      </footer>
    </article>
  );
}
