CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"article_id" integer,
	"claim_id" integer,
	"actor_id" integer,
	"actor_label" text,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_entity_type_check" CHECK ("audit_events"."entity_type" in ('article', 'revision', 'claim', 'evidence', 'source', 'publisher', 'user')),
	CONSTRAINT "audit_events_action_check" CHECK ("audit_events"."action" in ('article.imported', 'article.status_changed', 'revision.created', 'claim.created', 'claim.updated', 'claim.verdict_set', 'claim.status_changed', 'claim.approved', 'claim.rejected', 'claim.assigned', 'claim.deleted', 'claim.restored', 'evidence.added', 'evidence.updated', 'evidence.removed', 'source.created', 'source.url_added', 'source.titled', 'publisher.created', 'user.created', 'user.role_changed', 'user.deactivated', 'user.password_reset')),
	CONSTRAINT "audit_events_action_entity_check" CHECK (split_part("audit_events"."action", '.', 1) = "audit_events"."entity_type"),
	CONSTRAINT "audit_events_actor_check" CHECK (("audit_events"."actor_id" is null) <> ("audit_events"."actor_label" is null)),
	CONSTRAINT "audit_events_actor_label_check" CHECK ("audit_events"."actor_label" is null or length("audit_events"."actor_label") > 0)
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_article_id_idx" ON "audit_events" USING btree ("article_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_claim_id_idx" ON "audit_events" USING btree ("claim_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id");