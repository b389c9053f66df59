import { segmentSpans } from "@/lib/anchoring";
import { VERDICT_SCALE } from "@/lib/verdicts";
import type { ReaderClaim } from "@/server/services/reader/get-reader-view";
import { ClaimBadgeButton } from "./claim-badge-button";
import { ClaimTextButton } from "./claim-text-button";

interface Props {
  text: string;
  start: number;
  claims: ReaderClaim[];
}

/**
 * One paragraph with its checked claims tinted in their verdict colour and a badge after each claim.
 * Text is rendered as React text nodes only: nothing from the database becomes HTML. The details
 * dialogs live outside the paragraph (a <dialog> inside <p> is invalid HTML): the reader page renders them
 * with ClaimDialog (app/(site)/a/[slug]/page.tsx).
 */
export function AnnotatedParagraph({ text, start, claims }: Props) {
  const end = start + text.length;
  const inside = claims.filter((c) => c.start < end && c.end > start);
  const byId = new Map(inside.map((c) => [c.id, c]));
  const segments = segmentSpans(start, end, inside.map((c) => ({ id: c.id, start: c.start, end: c.end })));
  return (
    <p>
      {segments.map((segment) => {
        const piece = text.slice(segment.start - start, segment.end - start);
        const starting = inside.filter((c) => c.start === segment.start);
        const ending = inside.filter((c) => c.end === segment.end);
        const innermost = segment.ids.length ? byId.get(segment.ids[segment.ids.length - 1]!) : undefined;
        const style = innermost ? VERDICT_SCALE[innermost.verdict] : undefined;
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
            ) : (
              piece
            )}
            {ending.map((c) => (
              <ClaimBadgeButton key={c.id} claimId={c.id} verdict={c.verdict} claimText={c.exact} />
            ))}
          </span>
        );
      })}
    </p>
  );
}
