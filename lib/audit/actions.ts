// The one list of audited changes. Services write these (server/services/audit/record-audit.ts), the
// database accepts only these (a CHECK constraint rendered from this list), and every history view takes
// its words from AUDIT_ACTION_LABELS: adding an action without a label does not compile.

/** Every kind of row the audit log can be about. A later capability adds its entity here. */
export const AUDIT_ENTITIES = ["article", "revision", "claim", "evidence", "source", "publisher", "user"] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** `<entity>.<what happened>`: the part before the dot is the entity the row is about. */
export const AUDIT_ACTIONS = [
  "article.imported",
  "article.status_changed",
  "article.suggestion_dismissed",
  "revision.created",
  "claim.created",
  "claim.updated",
  "claim.verdict_set",
  "claim.status_changed",
  "claim.approved",
  "claim.rejected",
  "claim.assigned",
  "claim.deleted",
  "claim.restored",
  "claim.reanchored",
  "claim.anchor_changed",
  "claim.orphaned",
  "claim.reattached",
  "claim.linked",
  "claim.unlinked",
  "claim.verdict_reused",
  "evidence.added",
  "evidence.updated",
  "evidence.removed",
  "source.created",
  "source.url_added",
  "source.titled",
  "source.capture_requested",
  "source.archived",
  "source.capture_failed",
  "source.link_status_changed",
  "source.updated",
  "source.merged",
  "source.unmerged",
  "publisher.created",
  "publisher.rated",
  "publisher.renamed",
  "user.created",
  "user.role_changed",
  "user.deactivated",
  "user.password_reset",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The entity named by an action's prefix; a prefix that is not an AuditEntity fails to compile here. */
export type EntityOf<A extends AuditAction> = A extends `${infer E extends AuditEntity}.${string}` ? E : never;
// Compile-time check: every action's prefix is a known entity (a typo such as "claims.x" fails to compile here).
type ActionsWithoutEntity = { [A in AuditAction]: [EntityOf<A>] extends [never] ? A : never }[AuditAction];
const everyActionNamesAnEntity: [ActionsWithoutEntity] extends [never] ? true : ActionsWithoutEntity = true;
void everyActionNamesAnEntity;

export function entityOf<A extends AuditAction>(action: A): EntityOf<A> {
  return action.slice(0, action.indexOf(".")) as EntityOf<A>;
}

/** What a history line says after the actor's name: "Ana Rivera marked the claim". */
export const AUDIT_ACTION_LABELS = {
  "article.imported": "imported the article",
  "article.status_changed": "changed the article's status",
  "article.suggestion_dismissed": "dismissed an \"Already checked\" suggestion",
  "revision.created": "saved a revision of the text",
  "claim.created": "marked the claim",
  "claim.updated": "edited the details",
  "claim.verdict_set": "set the verdict",
  "claim.status_changed": "changed the status",
  "claim.approved": "approved the verdict",
  "claim.rejected": "rejected the verdict",
  "claim.assigned": "changed the assignee",
  "claim.deleted": "deleted the claim",
  "claim.restored": "restored the claim",
  "claim.reanchored": "edited the text around the claim (its words are unchanged)",
  "claim.anchor_changed": "edited the claimed words",
  "claim.orphaned": "removed the claimed words from the text",
  "claim.reattached": "re-attached the claim to new words",
  "claim.linked": "linked the claim as the same claim as another",
  "claim.unlinked": "unlinked the claim from its same-claim group",
  "claim.verdict_reused": "reused the verdict of the same claim in another article",
  "evidence.added": "added evidence",
  "evidence.updated": "edited evidence",
  "evidence.removed": "removed evidence",
  "source.created": "added the source to the registry",
  "source.url_added": "recorded another address of the source",
  "source.titled": "gave the source a title",
  "source.capture_requested": "asked for an archived copy of the source",
  "source.archived": "stored an archived copy of the source",
  "source.capture_failed": "could not archive the source",
  "source.link_status_changed": "found the source's link changed",
  "source.updated": "edited the source in the registry",
  "source.merged": "merged a duplicate into the source",
  "source.unmerged": "undid a merge of the source",
  "publisher.created": "added the publisher to the registry",
  "publisher.rated": "rated the publisher's reliability",
  "publisher.renamed": "renamed the publisher",
  "user.created": "created the account",
  "user.role_changed": "changed the role",
  "user.deactivated": "deactivated the account",
  "user.password_reset": "reset the password",
} as const satisfies Record<AuditAction, string>;

export function auditActionLabel(action: AuditAction): string {
  return AUDIT_ACTION_LABELS[action];
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
