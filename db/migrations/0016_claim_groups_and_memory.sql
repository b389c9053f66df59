CREATE TABLE "claim_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_suggestions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_suggestions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"sentence" text NOT NULL,
	"position_start" integer NOT NULL,
	"position_end" integer NOT NULL,
	"matched_claim_id" integer NOT NULL,
	"score" real NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"accepted_claim_id" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_suggestions_status_check" CHECK ("claim_suggestions"."status" in ('open', 'accepted', 'dismissed')),
	CONSTRAINT "claim_suggestions_position_check" CHECK (0 <= "claim_suggestions"."position_start" and "claim_suggestions"."position_start" < "claim_suggestions"."position_end")
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "group_id" integer;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "reused_from_claim_id" integer;--> statement-breakpoint
ALTER TABLE "claim_groups" ADD CONSTRAINT "claim_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_revision_id_article_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."article_revisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_matched_claim_id_claims_id_fk" FOREIGN KEY ("matched_claim_id") REFERENCES "public"."claims"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_accepted_claim_id_claims_id_fk" FOREIGN KEY ("accepted_claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_groups_created_by_idx" ON "claim_groups" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_suggestions_article_claim_sentence_key" ON "claim_suggestions" USING btree ("article_id","matched_claim_id","sentence");--> statement-breakpoint
CREATE INDEX "claim_suggestions_matched_claim_id_idx" ON "claim_suggestions" USING btree ("matched_claim_id");--> statement-breakpoint
CREATE INDEX "claim_suggestions_revision_id_idx" ON "claim_suggestions" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "claim_suggestions_accepted_claim_id_idx" ON "claim_suggestions" USING btree ("accepted_claim_id");--> statement-breakpoint
CREATE INDEX "claim_suggestions_decided_by_idx" ON "claim_suggestions" USING btree ("decided_by");--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_group_id_claim_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."claim_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_reused_from_claim_id_claims_id_fk" FOREIGN KEY ("reused_from_claim_id") REFERENCES "public"."claims"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_group_id_idx" ON "claims" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "claims_reused_from_claim_id_idx" ON "claims" USING btree ("reused_from_claim_id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK ("audit_events"."action" in ('article.imported', 'article.status_changed', 'article.suggestion_dismissed', 'revision.created', 'claim.created', 'claim.updated', 'claim.verdict_set', 'claim.status_changed', 'claim.approved', 'claim.rejected', 'claim.assigned', 'claim.deleted', 'claim.restored', 'claim.reanchored', 'claim.anchor_changed', 'claim.orphaned', 'claim.reattached', 'claim.linked', 'claim.unlinked', 'claim.verdict_reused', 'evidence.added', 'evidence.updated', 'evidence.removed', 'source.created', 'source.url_added', 'source.titled', 'source.capture_requested', 'source.archived', 'source.capture_failed', 'source.link_status_changed', 'source.updated', 'publisher.created', 'user.created', 'user.role_changed', 'user.deactivated', 'user.password_reset'));