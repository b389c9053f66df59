import { describeClaimEvent } from "./describe-claim-event";
import { sectionHeadingClass } from "./form-styles";
import { formatWhen, toDate } from "./text-format";
import type { ClaimEvent, Editor } from "./types";

/** Every audit row of the claim and its evidence, oldest first: who, what in words, when, and before → after per field. */
export function ClaimHistory({ history, editors }: { history: readonly ClaimEvent[]; editors: readonly Editor[] }) {
  const editorName = (id: number) => editors.find((e) => e.id === id)?.name ?? `user #${id}`;
  return (
    <section aria-labelledby="claim-history-heading">
      <h3 id="claim-history-heading" className={sectionHeadingClass}>
        History
      </h3>
      <ol aria-label="History" className="mt-2 space-y-2 border-l-2 border-rule pl-3 text-sm">
        {history.map((event) => {
          const described = describeClaimEvent(event, editorName);
          return (
            <li key={event.id}>
              <p>
                <span className="font-medium">{event.actorName ?? (event.actorLabel ? `System (${event.actorLabel})` : "System")}</span> {described.action}
                <span className="text-quiet">
                  {" · "}
                  <time dateTime={toDate(event.at).toISOString()}>{formatWhen(event.at)}</time>
                </span>
              </p>
              {described.changes.length > 0 && (
                <ul className="mt-0.5 space-y-0.5 text-xs text-quiet">
                  {described.changes.map((change) => (
                    <li key={change.field} className="break-words">
                      <span className="font-medium text-ink">{change.field}:</span>{" "}
                      {change.before !== null && (
                        <>
                          <del className="no-underline">{change.before}</del> →{" "}
                        </>
                      )}
                      <ins className="no-underline">{change.after ?? "none"}</ins>
                    </li>
                  ))}
                </ul>
              )}
              {described.comment && <p className="mt-0.5 text-xs italic">“{described.comment}”</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
