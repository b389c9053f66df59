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

/** Throws NotSignedIn for anonymous callers and Forbidden for signed-in callers below `minimum`. */
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
export function visibleArticleStatuses(actor: Actor): ReadonlyArray<"draft" | "published"> {
  return can(actor, "article.readDraft") ? ["draft", "published"] : ["published"];
}
