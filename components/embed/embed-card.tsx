import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { VerdictIcon } from "@/components/verdict/verdict-icon";
import { cardQuote } from "@/lib/embed/shorten";
import { claimPath, readerPath } from "@/lib/structured-data/public-urls";
import { VERDICT_SCALE, type Verdict } from "@/lib/verdicts";
import { summaryText, type VerdictSummary } from "@/lib/verdict-summary";

export interface EmbedCardProps {
  slug: string;
  title: string;
  summary: VerdictSummary;
  claims: { id: number; exact: string; verdict: Verdict }[];
}

// Links open in a new tab: inside a publisher's iframe, navigating the frame would strand the reader
// in a tiny box. noopener so the Factdesk tab cannot script the publisher's page.
const linkProps = { target: "_blank", rel: "noopener" } as const;

/**
 * The framable card a publisher puts next to its article: title, verdict counts (icon + word + number,
 * never colour alone) and each published claim linking to its place on the reader page. Server-only
 * markup, no client JS. Receives published claims only (the page loads them via getPublicArticle).
 */
export function EmbedCard({ slug, title, summary, claims }: EmbedCardProps) {
  return (
    <section aria-labelledby="embed-title" className="mx-auto max-w-md rounded-lg border border-rule bg-white p-4 text-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-quiet">Fact-checked by Factdesk</p>
      <h1 id="embed-title" className="mt-1 font-serif text-lg font-bold leading-snug">
        <a href={readerPath(slug)} {...linkProps} className="hover:underline">
          {title}
        </a>
      </h1>
      {summary.total === 0 ? (
        <p className="mt-3 text-quiet">No claims checked yet.</p>
      ) : (
        <>
          <h2 className="sr-only">Summary</h2>
          <p className="mt-3 font-medium">{summary.total} checked</p>
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" aria-label={summaryText(summary)}>
            {summary.counts.map((c) => (
              <li key={c.verdict} className="inline-flex items-center gap-1" style={{ color: VERDICT_SCALE[c.verdict].color }}>
                <VerdictIcon icon={VERDICT_SCALE[c.verdict].icon} />
                <span>
                  {c.count} {c.label.toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
          <h2 className="sr-only">Checked claims</h2>
          <ol className="mt-3 space-y-2 border-t border-rule pt-3">
            {claims.map((claim) => (
              <li key={claim.id} className="flex items-start justify-between gap-3">
                <a href={claimPath(slug, claim.id)} {...linkProps} className="text-accent underline-offset-2 hover:underline">
                  {cardQuote(claim.exact)}
                </a>
                <VerdictBadge verdict={claim.verdict} />
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="mt-3 border-t border-rule pt-2 text-xs">
        <a href={readerPath(slug)} {...linkProps} className="text-accent underline-offset-2 hover:underline">
          Read the article with all sources on Factdesk<span aria-hidden="true"> →</span>
        </a>
      </p>
    </section>
  );
}
