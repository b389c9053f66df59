import { splitHighlights } from "@/lib/search/highlight";

/** A snippet whose matched words the server marked (lib/search/highlight): React text and <mark>, never HTML. */
export function HighlightedText({ marked }: { marked: string }) {
  return (
    <>
      {splitHighlights(marked).map((segment, i) =>
        segment.hit ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-ink">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
