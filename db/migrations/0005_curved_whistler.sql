ALTER TABLE "claims" DROP CONSTRAINT "claims_anchor_state_check";--> statement-breakpoint
-- The middle anchor state is called "changed" now (re-anchoring across revisions, issue 10).
UPDATE "claims" SET "anchor_state" = 'changed' WHERE "anchor_state" = 'fuzzy';--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_version_check" CHECK ("articles"."version" >= 1);--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_anchor_state_check" CHECK ("claims"."anchor_state" in ('anchored', 'changed', 'orphaned'));--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK ("audit_events"."action" in ('article.imported', 'article.status_changed', 'revision.created', 'claim.created', 'claim.updated', 'claim.verdict_set', 'claim.status_changed', 'claim.approved', 'claim.rejected', 'claim.assigned', 'claim.deleted', 'claim.restored', 'claim.reanchored', 'claim.anchor_changed', 'claim.orphaned', 'claim.reattached', 'evidence.added', 'evidence.updated', 'evidence.removed', 'source.created', 'source.url_added', 'source.titled', 'publisher.created', 'user.created', 'user.role_changed', 'user.deactivated', 'user.password_reset'));