import { VERDICT_SCALE, type Verdict } from "@/lib/verdicts";
import { VerdictIcon } from "./verdict-icon";

/**
 * A verdict as a pill: icon + label in the verdict's colour, never colour alone (design notes).
 * No hooks, no client code: the reader page renders it on the server, the workspace in the browser.
 */
export function VerdictBadge({ verdict, size = "sm" }: { verdict: Verdict | null; size?: "sm" | "md" }) {
  const text = size === "md" ? "text-sm px-2.5 py-0.5" : "text-xs px-2 py-px";
  if (verdict === null) {
    return (
      <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-dashed border-rule text-quiet ${text}`}>
        No verdict
      </span>
    );
  }
  const style = VERDICT_SCALE[verdict];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full font-medium ${text}`}
      style={{ color: style.color, backgroundColor: style.background }}
    >
      <VerdictIcon icon={style.icon} />
      {style.label}
    </span>
  );
}
