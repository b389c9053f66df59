import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionLabel, entityOf, isAuditAction } from "./actions";
import { changedFields } from "./changed-fields";

describe("audit actions", () => {
  it("each action names a known entity before its dot and has a non-empty label", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_ENTITIES, action).toContain(entityOf(action));
      expect(auditActionLabel(action).trim().length, action).toBeGreaterThan(0);
    }
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("every entity has at least one action (an entity nobody audits is a mistake in the list)", () => {
    expect(new Set(AUDIT_ACTIONS.map(entityOf))).toEqual(new Set(AUDIT_ENTITIES));
  });

  it("labels are distinct, so two actions never read the same in a history", () => {
    expect(new Set(Object.values(AUDIT_ACTION_LABELS)).size).toBe(AUDIT_ACTIONS.length);
  });

  it("entityOf reads the prefix; isAuditAction accepts only listed actions", () => {
    expect(entityOf("evidence.removed")).toBe("evidence");
    expect(entityOf("user.role_changed")).toBe("user");
    expect(isAuditAction("claim.created")).toBe(true);
    expect(isAuditAction("created")).toBe(false);
    expect(isAuditAction("claim.rewritten")).toBe(false);
  });
});

describe("changedFields", () => {
  it("keeps only the keys whose value changed, with null for missing values", () => {
    const diff = changedFields({ a: 1, b: "x", c: null as string | null }, { a: 1, b: "y", c: "z" });
    expect(diff).toEqual({ before: { b: "x", c: null }, after: { b: "y", c: "z" }, changed: true });
  });

  it("reports no change when every given value is equal, arrays and objects compared by value", () => {
    expect(changedFields({ tags: ["a"], n: 2 }, { tags: ["a"], n: 2 }).changed).toBe(false);
    expect(changedFields({ tags: ["a"] }, { tags: ["a", "b"] }).changed).toBe(true);
  });
});
