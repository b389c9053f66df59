import { diffCounts, type DiffPart } from "@/lib/articles/revision-diff";

/**
 * A word-level diff as text: removed words struck through in red, added ones underlined in green, with a
 * text label for screen readers and colour-blind readers (never colour alone). Text nodes only.
 */
export function RevisionDiffView({ parts, complete, same }: { parts: readonly DiffPart[]; complete: boolean; same: boolean }) {
  const counts = diffCounts(parts);
  return (
    <section aria-labelledby="diff-heading" className="min-w-0">
      <h2 id="diff-heading" className="text-base font-semibold">
        Changes
      </h2>
      <p className="mt-1 text-sm text-quiet">
        {same ? "The same revision on both sides: nothing to compare." : `${counts.added} ${counts.added === 1 ? "word" : "words"} added, ${counts.removed} ${counts.removed === 1 ? "word" : "words"} removed.`}
        {!complete && " The texts differ too much for a word-by-word comparison: shown as the whole old text and the whole new text."}
      </p>
      <div className="mt-3 whitespace-pre-wrap rounded border border-rule p-4 font-serif text-[17px] leading-relaxed [overflow-wrap:anywhere]" data-testid="revision-diff">
        {parts.map((part, i) =>
          part.kind === "same" ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === "added" ? (
            <ins key={i} className="bg-[#dafbe1] text-[#116329] underline decoration-2">
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          ) : (
            <del key={i} className="bg-[#ffebe9] text-[#a40e26] line-through">
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          ),
        )}
      </div>
    </section>
  );
}
