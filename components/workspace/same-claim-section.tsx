"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { StatusChip } from "@/components/verdict/status-chip";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { formatDate } from "@/lib/text/format-date";
import { ErrorAlert } from "./error-alert";
import { secondaryButtonClass, sectionHeadingClass } from "./form-styles";
import { errorMessage } from "./trpc-error";
import type { ClaimDetail, SimilarClaims } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { useIdempotentAction } from "./use-idempotent-action";

type Linked = SimilarClaims["linked"][number];
type Similar = SimilarClaims["similar"][number];

function dateLine(claim: { status: string; publishedAt: string | null }) {
  return claim.status === "published" && claim.publishedAt ? `published ${formatDate(claim.publishedAt)}` : "not published";
}

/** Where the other claim lives: its article, opened in the workspace on that claim. */
function OtherArticle({ claim }: { claim: Linked | Similar }) {
  return (
    <a href={`/edit/${claim.articleId}?claim=${claim.claimId}`} className="text-accent underline [overflow-wrap:anywhere]">
      {claim.articleTitle}
    </a>
  );
}

/**
 * The same claim in other articles (linked by an editor) and the up to five most similar claims elsewhere,
 * with their verdicts and dates: link one as the same claim, reuse a published verdict as a starting point
 * (it still goes to review and needs a second editor), or unlink.
 */
export function SameClaimSection({ detail, save, onVerdictReused }: { detail: ClaimDetail; save: SaveClaim; onVerdictReused: () => void }) {
  const trpc = useTRPC();
  const claimId = detail.claim.id;
  const similarQuery = useQuery(trpc.claim.similar.queryOptions({ claimId }));
  const link = useMutation(trpc.claim.link.mutationOptions());
  const unlink = useMutation(trpc.claim.unlink.mutationOptions());
  const reuse = useMutation(trpc.claim.reuseVerdict.mutationOptions());
  const action = useIdempotentAction();
  const [error, setError] = useState<string | null>(null);
  const data = similarQuery.data;
  const verdictFrozen = detail.claim.status === "in_review" || detail.claim.status === "published";
  const busy = action.pending;

  async function run(fingerprint: unknown, send: (key: string, version: number) => Promise<unknown>, message: string) {
    const ok = await action.perform(async () => {
      const outcome = await save((version) => action.send(fingerprint, (key) => send(key, version)), message);
      setError(outcome.ok ? null : outcome.error);
      return outcome.ok;
    });
    return ok ?? false;
  }

  return (
    <section aria-labelledby="same-claim-heading" className="space-y-3">
      <h3 id="same-claim-heading" className={sectionHeadingClass}>
        Same claim elsewhere
      </h3>
      {similarQuery.isPending && <p className="text-sm text-quiet">Looking for similar claims…</p>}
      {similarQuery.isError && <ErrorAlert message={errorMessage(similarQuery.error)} />}
      {data && data.linked.length > 0 && (
        <ul aria-label="Linked as the same claim" className="space-y-2">
          {data.linked.map((other) => (
            <li key={other.claimId} className="rounded border border-[#2d7d46] bg-[#dafbe1]/40 p-2 text-sm" data-testid="linked-claim">
              <p className="font-serif [overflow-wrap:anywhere]">{other.text}</p>
              <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-quiet">
                <VerdictBadge verdict={other.verdict} />
                <StatusChip status={other.status} />
                <span>
                  {dateLine(other)} · in <OtherArticle claim={other} />
                </span>
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {other.status === "published" && !verdictFrozen && data.reusedFrom?.claimId !== other.claimId && (
                  <button
                    type="button"
                    disabled={busy}
                    className={secondaryButtonClass}
                    onClick={async () => {
                      const reused = await run(
                        { reuse: other.claimId },
                        (idempotencyKey, version) => reuse.mutateAsync({ claimId, version, fromClaimId: other.claimId, idempotencyKey }),
                        "Saved: verdict, rationale and sources copied. Check them, then send the claim to review.",
                      );
                      // The verdict form shows the copied verdict (anything typed there is kept beside it).
                      if (reused) onVerdictReused();
                    }}
                  >
                    Reuse this verdict
                  </button>
                )}
                <button
                  type="button"
                  disabled={busy}
                  className={secondaryButtonClass}
                  onClick={() => void run({ unlink: claimId }, (idempotencyKey) => unlink.mutateAsync({ claimId, idempotencyKey }), "Saved: the claim is no longer linked.")}
                >
                  Unlink
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {data?.reusedFrom && (
        <p className="text-xs text-quiet">
          The verdict was reused from{" "}
          <a href={`/edit/${data.reusedFrom.articleId}?claim=${data.reusedFrom.claimId}`} className="text-accent underline">
            {data.reusedFrom.articleTitle}
          </a>
          ; it goes through review here like any other.
        </p>
      )}
      {data && (
        <div>
          <h4 className="text-sm font-medium">Similar claims in other articles</h4>
          {data.similar.filter((s) => !s.linked).length === 0 ? (
            <p className="mt-1 text-sm text-quiet">No similar claim in other articles.</p>
          ) : (
            <ol className="mt-1 space-y-2">
              {data.similar
                .filter((s) => !s.linked)
                .map((other) => (
                  <li key={other.claimId} className="rounded border border-rule p-2 text-sm" data-testid="similar-claim">
                    <p className="font-serif [overflow-wrap:anywhere]">{other.text}</p>
                    <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-quiet">
                      <VerdictBadge verdict={other.verdict} />
                      {other.same && <span className="rounded bg-[#ddf4ff] px-1.5 text-[#0550ae]">likely the same claim</span>}
                      <span>
                        {dateLine(other)} · in <OtherArticle claim={other} />
                      </span>
                    </p>
                    <button
                      type="button"
                      disabled={busy}
                      className={`${secondaryButtonClass} mt-2`}
                      onClick={() =>
                        void run(
                          { link: other.claimId },
                          (idempotencyKey) => link.mutateAsync({ claimId, sameAsClaimId: other.claimId, idempotencyKey }),
                          "Saved: linked as the same claim.",
                        )
                      }
                    >
                      Link as the same claim
                    </button>
                  </li>
                ))}
            </ol>
          )}
        </div>
      )}
      {error && <ErrorAlert message={error} />}
    </section>
  );
}
