import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/roles";
import type { Actor } from "./actor";
import { ForbiddenError, NotSignedInError } from "./errors";
import { assertCan, can, requireRole, visibleArticleStatuses, type Action } from "./policy";

/**
 * Who may do what, written down independently of policy.ts. Typed as Record<Action, …>, so adding an
 * action to the policy without deciding here who may perform it fails type checking.
 */
const MINIMUM_ROLE: Record<Action, Role> = {
  "article.readDraft": "editor",
  "article.listAll": "editor",
  "article.import": "editor",
  "article.setStatus": "editor",
  "article.edit": "editor",
  "article.readRevisions": "editor",
  "claim.read": "editor",
  "claim.mark": "editor",
  "claim.edit": "editor",
  "claim.delete": "editor",
  "claim.restore": "admin",
  "claim.reattach": "editor",
  "evidence.edit": "editor",
  "source.search": "editor",
  "search.unpublished": "editor",
  "source.deadEvidence": "editor",
  "source.recapture": "admin",
  "source.previewMetadata": "editor",
  "source.checkLink": "admin",
  "source.manage": "admin",
  "notification.read": "editor",
  "audit.read": "editor",
  "audit.readUsers": "admin",
  "user.listEditors": "editor",
  "user.list": "admin",
  "user.create": "admin",
  "user.setRole": "admin",
  "user.deactivate": "admin",
  "user.resetPassword": "admin",
};

const ACTIONS = Object.keys(MINIMUM_ROLE) as Action[];
const user = (role: Role): Actor => ({ kind: "user", id: 1, role, name: role, email: `${role}@example.org` });
const anonymous: Actor = { kind: "anonymous" };
const system: Actor = { kind: "system", label: "test" };
const rank = (role: Role) => ROLES.indexOf(role);

describe("can / assertCan: every action for every kind of caller", () => {
  it.each(ACTIONS)("%s: nobody anonymous, every role from its minimum up, and the system", (action) => {
    expect(can(anonymous, action)).toBe(false);
    expect(() => assertCan(anonymous, action)).toThrow(NotSignedInError);
    for (const role of ROLES) {
      const allowed = rank(role) >= rank(MINIMUM_ROLE[action]);
      expect(can(user(role), action), `${role} on ${action}`).toBe(allowed);
      if (allowed) expect(() => assertCan(user(role), action)).not.toThrow();
      else expect(() => assertCan(user(role), action)).toThrow(ForbiddenError);
    }
    expect(can(system, action)).toBe(true);
  });

  it("gives readers no privileged action at all", () => {
    expect(ACTIONS.filter((action) => can(user("reader"), action))).toEqual([]);
  });
});

describe("requireRole", () => {
  it.each(ROLES)("with minimum %s: anonymous is not signed in, lower roles are forbidden, the rest pass", (minimum) => {
    expect(() => requireRole(anonymous, minimum)).toThrow(NotSignedInError);
    for (const role of ROLES) {
      if (rank(role) >= rank(minimum)) expect(() => requireRole(user(role), minimum)).not.toThrow();
      else expect(() => requireRole(user(role), minimum)).toThrow(ForbiddenError);
    }
    expect(() => requireRole(system, minimum)).not.toThrow();
  });
});

describe("visibleArticleStatuses", () => {
  it("shows drafts to editors, admins and the system only", () => {
    expect(visibleArticleStatuses(anonymous)).toEqual(["published"]);
    expect(visibleArticleStatuses(user("reader"))).toEqual(["published"]);
    for (const actor of [user("editor"), user("admin"), system]) {
      expect([...visibleArticleStatuses(actor)].sort()).toEqual(["draft", "published"]);
    }
  });
});
