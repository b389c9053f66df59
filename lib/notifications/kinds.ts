import type { AuditAction } from "@/lib/audit/actions";

// Which audit actions someone hears about, and who. Pure, so the services, the list and the tests agree.

export const NOTIFYING_ACTIONS = ["claim.assigned", "claim.rejected", "claim.approved", "claim.anchor_changed", "claim.orphaned"] as const satisfies readonly AuditAction[];
export type NotifyingAction = (typeof NOTIFYING_ACTIONS)[number];

/** What the notification list says, after the actor's name: "Ana Rivera returned your claim". */
export const NOTIFICATION_LABELS = {
  "claim.assigned": "assigned a claim to you",
  "claim.rejected": "returned a claim to you",
  "claim.approved": "approved your verdict",
  "claim.anchor_changed": "edited the words of your claim",
  "claim.orphaned": "removed the words of your claim from the text",
} as const satisfies Record<NotifyingAction, string>;

export function isNotifyingAction(action: string): action is NotifyingAction {
  return (NOTIFYING_ACTIONS as readonly string[]).includes(action);
}

/** The people a claim belongs to: who it is assigned to, who set its verdict, who marked it. */
export interface ClaimPeople {
  assigneeId: number | null;
  verdictSetBy: number | null;
  createdBy: number | null;
}

/**
 * Who hears about `action` on a claim (after the change): never the person who did it.
 * Assigned → the new assignee; returned or approved → whoever set the verdict and the assignee;
 * words changed or gone → everyone the claim belongs to.
 */
export function claimNotificationRecipients(action: NotifyingAction, claim: ClaimPeople, actorId: number | null): number[] {
  const candidates =
    action === "claim.assigned"
      ? [claim.assigneeId]
      : action === "claim.rejected" || action === "claim.approved"
        ? [claim.verdictSetBy, claim.assigneeId]
        : [claim.assigneeId, claim.verdictSetBy, claim.createdBy];
  return [...new Set(candidates.filter((id): id is number => id !== null && id !== actorId))];
}
