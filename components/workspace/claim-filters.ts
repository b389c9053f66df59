import type { ClaimKind, ClaimStatus } from "@/lib/claims/workflow";
import type { WorkspaceClaim } from "./types";

export type AssigneeFilter = "all" | "me" | "unassigned" | `user:${number}`;

export interface ClaimFilters {
  status: ClaimStatus | "all";
  kind: ClaimKind | "all";
  assignee: AssigneeFilter;
}

export const NO_FILTERS: ClaimFilters = { status: "all", kind: "all", assignee: "all" };

export function isFiltering(filters: ClaimFilters): boolean {
  return filters.status !== "all" || filters.kind !== "all" || filters.assignee !== "all";
}

function matchesAssignee(claim: WorkspaceClaim, filter: AssigneeFilter, meId: number): boolean {
  if (filter === "all") return true;
  if (filter === "unassigned") return claim.assigneeId === null;
  if (filter === "me") return claim.assigneeId === meId;
  return claim.assigneeId === Number(filter.slice("user:".length));
}

/** Keeps text order (the server sorts by position), so j/k walk the visible list top to bottom. */
export function filterClaims(claims: readonly WorkspaceClaim[], filters: ClaimFilters, meId: number): WorkspaceClaim[] {
  return claims.filter(
    (c) =>
      (filters.status === "all" || c.status === filters.status) &&
      (filters.kind === "all" || c.kind === filters.kind) &&
      matchesAssignee(c, filters.assignee, meId),
  );
}
