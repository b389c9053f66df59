"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { formatDate } from "@/lib/text/format-date";
import { secondaryButtonClass, primaryButtonClass, sectionHeadingClass } from "./form-styles";
import { errorMessage } from "./trpc-error";
import type { MemorySuggestion } from "./types";
import { useIdempotentAction } from "./use-idempotent-action";

/** In quotation marks, unless the sentence already opens with its own (a quote in the article). */
const quoted = (sentence: string) => (/^[“"‘'«]/.test(sentence) ? sentence : `“${sentence}”`);

/**
 * Claim memory: sentences of this article that say what a claim already published elsewhere says. Accept marks
 * the sentence as a claim linked to the earlier one (its panel then offers to reuse the verdict); Dismiss is
 * remembered, so the same sentence is not offered again for that claim.
 */
export function AlreadyCheckedList({
  articleId,
  onAccepted,
  announce,
  startFolded,
}: {
  articleId: number;
  onAccepted: (claimId: number) => Promise<void>;
  announce: (message: string) => void;
  /** Folded to its heading when the editor came for one claim (a link to it): its panel must not be pushed away. */
  startFolded: boolean;
}) {
  const trpc = useTRPC();
  const suggestionsQuery = useQuery(trpc.claim.suggestions.queryOptions({ articleId }));
  const accept = useMutation(trpc.claim.acceptSuggestion.mutationOptions());
  const dismiss = useMutation(trpc.claim.dismissSuggestion.mutationOptions());
  const action = useIdempotentAction();
  const [problem, setProblem] = useState<{ id: number; message: string } | null>(null);
  const [open, setOpen] = useState(!startFolded);
  const suggestions = suggestionsQuery.data ?? [];
  if (suggestions.length === 0) return null;

  const decide = (suggestion: MemorySuggestion, decision: "accept" | "dismiss") =>
    action.perform(async () => {
      setProblem(null);
      try {
        if (decision === "accept") {
          const accepted = await action.send({ accept: suggestion.id }, (idempotencyKey) => accept.mutateAsync({ suggestionId: suggestion.id, idempotencyKey }));
          await suggestionsQuery.refetch();
          await onAccepted(accepted.claimId);
          announce("Saved: claim marked and linked to the earlier check. Reuse its verdict in the claim's panel.");
        } else {
          await action.send({ dismiss: suggestion.id }, (idempotencyKey) => dismiss.mutateAsync({ suggestionId: suggestion.id, idempotencyKey }));
          await suggestionsQuery.refetch();
          announce("Dismissed: this sentence will not be offered for that claim again.");
        }
      } catch (error) {
        setProblem({ id: suggestion.id, message: errorMessage(error) });
      }
    });

  return (
    <section aria-labelledby="already-checked-heading" className="rounded border border-[#0550ae]/40 bg-[#ddf4ff]/50 p-3 text-sm">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer">
          <h2 id="already-checked-heading" className={`${sectionHeadingClass} inline`}>
            Already checked ({suggestions.length})
          </h2>
        </summary>
        <p className="mt-1 text-quiet">These sentences say what a claim checked in another article says.</p>
        <ul className="mt-2 space-y-2">
          {suggestions.map((s) => (
            <li key={s.id} className="rounded border border-rule bg-white p-2" data-testid="already-checked">
              <blockquote className="font-serif [overflow-wrap:anywhere]">{quoted(s.sentence)}</blockquote>
              <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-quiet">
                <VerdictBadge verdict={s.verdict} />
                <span>
                  {s.publishedAt ? `published ${formatDate(s.publishedAt)}` : "published"} in{" "}
                  <a href={`/edit/${s.matchedArticleId}?claim=${s.matchedClaimId}`} className="text-accent underline [overflow-wrap:anywhere]">
                    {s.articleTitle}
                  </a>
                </span>
              </p>
              <details className="mt-1 text-xs text-quiet">
                <summary className="cursor-pointer">Earlier claim</summary>
                <p className="mt-1 font-serif text-sm text-ink [overflow-wrap:anywhere]">{s.matchedText}</p>
              </details>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" disabled={action.pending} onClick={() => void decide(s, "accept")} className={primaryButtonClass}>
                  Accept: mark and link
                </button>
                <button type="button" disabled={action.pending} onClick={() => void decide(s, "dismiss")} className={secondaryButtonClass}>
                  Dismiss
                </button>
              </div>
              {problem?.id === s.id && (
                <p role="alert" className="mt-1 text-xs text-[#a40e26]">
                  {problem.message}
                </p>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
