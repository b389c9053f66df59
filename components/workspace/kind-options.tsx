import { CLAIM_KINDS } from "@/lib/claims/workflow";
import { KIND_LABELS } from "./vocabulary-labels";

/** The claim kinds as <option>s, in the fixed order, for every select that picks or filters by kind. */
export function KindOptions() {
  return CLAIM_KINDS.map((kind) => (
    <option key={kind} value={kind}>
      {KIND_LABELS[kind]}
    </option>
  ));
}
