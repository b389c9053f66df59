import { segmentSpans } from "@/lib/anchoring";
import { VERDICT_SCALE } from "@/lib/verdicts";
import type { ClaimUnderReview } from "@/server/services/reader/get-published-claims";
import type { ReaderClaim } from "@/server/services/reader/get-reader-view";
import { ClaimBadgeButton } from "./claim-badge-button";
import { ClaimTextButton } from "./claim-text-button";
import { UnderReviewBadge } from "./under-review-badge";

interface Props {
  text: string;
  start: number;
  claims: ReaderClaim[];
  /** Claims whose words were edited after publication: outlined and marked "Under review", no verdict. */
  underReview?: ClaimUnderReview[];
}

/**
 * One paragraph with its checked claims tinted in their verdict colour and a badge after each claim.
 * Text is rendered as React text nodes only: nothing from the database becomes HTML. The details
 * dialogs live outside the paragraph (a <dialog> inside <p> is invalid HTML): the reader page renders them
 * with ClaimDialog (app/(site)/a/[slug]/page.tsx).
 */
export function AnnotatedParagraph({ text, start, claims, underReview = [] }: Props) {
  const end = start + text.length;
  const inside = claims.filter((c) => c.start < end && c.end > start);
  const reviewing = underReview.filter((c) => c.start < end && c.end > start);
  const byId = new Map(inside.map((c) => [c.id, c]));
  const spans = [...inside, ...reviewing].map((c) => ({ id: c.id, start: c.start, end: c.end }));
  const segments = segmentSpans(start, end, spans);
  return (
    <p>
      {segments.map((segment) => {
        const piece = text.slice(segment.start - start, segment.end - start);
        const starting = inside.filter((c) => c.start === segment.start);
        const ending = inside.filter((c) => c.end === segment.end);
        const innermostId = segment.ids[segment.ids.length - 1];
        const innermost = innermostId === undefined ? undefined : byId.get(innermostId);
        const style = innermost ? VERDICT_SCALE[innermost.verdict] : undefined;
        const inReview = innermostId !== undefined && !innermost;
        return (
          <span key={segment.start}>
            {starting.map((c) => (
              <span key={c.id} id={`claim-${c.id}`} className="scroll-mt-24" />
            ))}
            {style && innermost ? (
              <ClaimTextButton
                claimId={innermost.id}
                verdictLabel={style.label}
                claimText={innermost.exact}
                style={{ backgroundColor: style.background, boxShadow: `inset 0 -2px 0 ${style.color}` }}
              >
                {piece}
              </ClaimTextButton>
            ) : inReview ? (
              <span className="rounded-sm outline-1 outline-offset-1 outline-[#57606a] outline-dashed">{piece}</span>
            ) : (
              piece
            )}
            {ending.map((c) => (
              <ClaimBadgeButton key={c.id} claimId={c.id} verdict={c.verdict} claimText={c.exact} />
            ))}
            {reviewing
              .filter((c) => c.end === segment.end)
              .map((c) => (
                <UnderReviewBadge key={c.id} />
              ))}
          </span>
        );
      })}
    </p>
  );
}
