import { describe, expect, it } from "vitest";
import { claimNotificationRecipients, isNotifyingAction } from "./kinds";

const claim = { assigneeId: 1, verdictSetBy: 2, createdBy: 3 };

describe("claimNotificationRecipients", () => {
  it("tells only the new assignee about an assignment", () => {
    expect(claimNotificationRecipients("claim.assigned", claim, 9)).toEqual([1]);
  });
  it("tells the verdict's author and the assignee about a rejection or an approval", () => {
    expect(claimNotificationRecipients("claim.rejected", claim, 9)).toEqual([2, 1]);
    expect(claimNotificationRecipients("claim.approved", claim, 9)).toEqual([2, 1]);
  });
  it("tells everyone the claim belongs to when its words change or go", () => {
    expect(claimNotificationRecipients("claim.anchor_changed", claim, 9)).toEqual([1, 2, 3]);
    expect(claimNotificationRecipients("claim.orphaned", claim, null)).toEqual([1, 2, 3]);
  });
  it("never tells the person who acted, names nobody twice, and skips empty roles", () => {
    expect(claimNotificationRecipients("claim.assigned", claim, 1)).toEqual([]);
    expect(claimNotificationRecipients("claim.anchor_changed", { assigneeId: 4, verdictSetBy: 4, createdBy: null }, 9)).toEqual([4]);
  });
  it("knows which actions notify", () => {
    expect(isNotifyingAction("claim.rejected")).toBe(true);
    expect(isNotifyingAction("claim.updated")).toBe(false);
  });
});
