import { ARTICLE_STATUSES, type ArticleStatus } from "@/lib/articles/status";
import type { Role } from "@/lib/roles";
import type { Actor } from "./actor";
import { ForbiddenError, NotSignedInError } from "./errors";

/**
 * The one place that decides who may do what. Procedure builders call `requireRole`; services call
 * `assertCan` for object-level rules and `visibleArticleStatuses` to filter rows. Nothing else in the
 * codebase compares roles.
 */

const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

function hasRole(actor: Actor, minimum: Role): boolean {
  if (actor.kind === "system") return true;
  return actor.kind === "user" && RANK[actor.role] >= RANK[minimum];
}

/** Throws NotSignedInError for anonymous callers and ForbiddenError for signed-in callers below `minimum`. */
export function requireRole(actor: Actor, minimum: Role): void {
  if (actor.kind === "anonymous") throw new NotSignedInError();
  if (!hasRole(actor, minimum)) throw new ForbiddenError();
}

type Rule = (actor: Actor) => boolean;

const RULES = {
  "article.readDraft": (a) => hasRole(a, "editor"),
  "article.listAll": (a) => hasRole(a, "editor"),
  "article.import": (a) => hasRole(a, "editor"),
  "article.setStatus": (a) => hasRole(a, "editor"),
  "article.edit": (a) => hasRole(a, "editor"),
  "article.readRevisions": (a) => hasRole(a, "editor"),
  "claim.read": (a) => hasRole(a, "editor"),
  "claim.mark": (a) => hasRole(a, "editor"),
  "claim.edit": (a) => hasRole(a, "editor"),
  "claim.delete": (a) => hasRole(a, "editor"),
  "claim.restore": (a) => hasRole(a, "admin"),
  "claim.reattach": (a) => hasRole(a, "editor"),
  "evidence.edit": (a) => hasRole(a, "editor"),
  "source.search": (a) => hasRole(a, "editor"),
  // Everyone may search; below editor the search sees only what reader pages show (published rows).
  "search.unpublished": (a) => hasRole(a, "editor"),
  "source.deadEvidence": (a) => hasRole(a, "editor"),
  "source.recapture": (a) => hasRole(a, "admin"),
  // Fetches a pasted URL through the safe fetcher to fill in its details.
  "source.previewMetadata": (a) => hasRole(a, "editor"),
  "source.checkLink": (a) => hasRole(a, "admin"),
  "source.manage": (a) => hasRole(a, "admin"),
  // Notifications are about claims: assigned, returned, approved, words changed.
  "notification.read": (a) => hasRole(a, "editor"),
  "audit.read": (a) => hasRole(a, "editor"),
  "audit.readUsers": (a) => hasRole(a, "admin"),
  "user.listEditors": (a) => hasRole(a, "editor"),
  "user.list": (a) => hasRole(a, "admin"),
  "user.create": (a) => hasRole(a, "admin"),
  "user.setRole": (a) => hasRole(a, "admin"),
  "user.deactivate": (a) => hasRole(a, "admin"),
  "user.resetPassword": (a) => hasRole(a, "admin"),
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

export function can(actor: Actor, action: Action): boolean {
  return RULES[action](actor);
}

export function assertCan(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (actor.kind === "anonymous") throw new NotSignedInError();
  throw new ForbiddenError();
}

/** Which article statuses a caller may see; the public sees published articles only. */
export function visibleArticleStatuses(actor: Actor): readonly ArticleStatus[] {
  return can(actor, "article.readDraft") ? ARTICLE_STATUSES : ["published"];
}

/**
 * Publishing needs a second pair of eyes: the editor who set the verdict cannot approve it; an admin can.
 * Returns the reason as a sentence, or null when the actor may review.
 */
export function reviewRefusal(actor: Actor, claim: { verdictSetBy: number | null }): string | null {
  if (!hasRole(actor, "editor")) return "Only editors can review verdicts.";
  if (actor.kind === "user" && !mayApproveOwnVerdicts(actor) && claim.verdictSetBy === actor.id) {
    return "You set this verdict, so another editor must review it. Ask a colleague, or an admin.";
  }
  return null;
}

/** Admins may approve a verdict they set themselves (the second pair of eyes is theirs to waive). */
export function mayApproveOwnVerdicts(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

export function assertCanReview(actor: Actor, claim: { verdictSetBy: number | null }): void {
  assertCan(actor, "claim.edit");
  const refusal = reviewRefusal(actor, claim);
  if (refusal) throw new ForbiddenError(refusal);
}

/** Who may be assigned claims: active editors and admins. */
export function isAssignableRole(role: Role): boolean {
  return RANK[role] >= RANK.editor;
}
