import type { inferRouterOutputs } from "@trpc/server";
import type { Role } from "@/lib/roles";
import type { AppRouter } from "@/server/routers/_app";

// What the browser receives: inferRouterOutputs applies JSON serialisation (no transformer), so
// timestamps arrive as ISO strings. The server page round-trips its prefetch through JSON to match.
type RouterOutputs = inferRouterOutputs<AppRouter>;

export type WorkspaceData = RouterOutputs["claim"]["workspace"];
export type WorkspaceClaim = WorkspaceData["claims"][number];
export type ClaimDetail = RouterOutputs["claim"]["detail"];
export type ClaimEvidence = ClaimDetail["evidence"][number];
export type ClaimEvent = ClaimDetail["history"][number];
export type SimilarClaims = RouterOutputs["claim"]["similar"];
export type MemorySuggestion = RouterOutputs["claim"]["suggestions"][number];
export type Editor = RouterOutputs["user"]["editors"][number];
export type SourceSearchResult = RouterOutputs["source"]["search"][number];

/** The signed-in editor, passed down from the server page (used for the "Me" filter and labels). */
export interface CurrentEditor {
  id: number;
  name: string;
  role: Role;
  /** What the policy lets them do beyond editing, decided on the server (server/policy.ts). */
  canRestoreClaims: boolean;
  /** Re-capture and check-now on cited sources. */
  canManageSources?: boolean;
}

/** Where a selection came from decides what scrolls and what takes focus. */
export type SelectionOrigin = "list" | "body" | "keyboard" | "marked" | "link";
