CREATE TABLE "publisher_ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "publisher_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"publisher_id" integer NOT NULL,
	"rating" text NOT NULL,
	"rationale" text NOT NULL,
	"rated_on" date NOT NULL,
	"rated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publisher_ratings_rating_check" CHECK ("publisher_ratings"."rating" in ('unrated', 'high', 'generally_reliable', 'mixed', 'low'))
);
--> statement-breakpoint
CREATE TABLE "source_import_batches" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"created_by" integer NOT NULL,
	"csv" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_import_batches_import_id_seq_pk" PRIMARY KEY("import_id","seq"),
	CONSTRAINT "source_import_batches_seq_check" CHECK ("source_import_batches"."seq" >= 0 and "source_import_batches"."row_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sources" DROP CONSTRAINT "sources_link_status_check";--> statement-breakpoint
-- The registry says "dead" like the link-rot watch (source_link_health.health) and the screens: one word, not two.
UPDATE "sources" SET "link_status" = 'dead' WHERE "link_status" = 'broken';--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";--> statement-breakpoint
ALTER TABLE "publishers" ADD COLUMN "rated_on" date;--> statement-breakpoint
ALTER TABLE "publisher_ratings" ADD CONSTRAINT "publisher_ratings_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publisher_ratings" ADD CONSTRAINT "publisher_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_import_batches" ADD CONSTRAINT "source_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publisher_ratings_publisher_id_idx" ON "publisher_ratings" USING btree ("publisher_id","id");--> statement-breakpoint
CREATE INDEX "publisher_ratings_rated_by_idx" ON "publisher_ratings" USING btree ("rated_by");--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_link_status_check" CHECK ("sources"."link_status" in ('unchecked', 'ok', 'redirected', 'dead'));--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK ("audit_events"."action" in ('article.imported', 'article.status_changed', 'article.suggestion_dismissed', 'revision.created', 'claim.created', 'claim.updated', 'claim.verdict_set', 'claim.status_changed', 'claim.approved', 'claim.rejected', 'claim.assigned', 'claim.deleted', 'claim.restored', 'claim.reanchored', 'claim.anchor_changed', 'claim.orphaned', 'claim.reattached', 'claim.linked', 'claim.unlinked', 'claim.verdict_reused', 'evidence.added', 'evidence.updated', 'evidence.removed', 'source.created', 'source.url_added', 'source.titled', 'source.capture_requested', 'source.archived', 'source.capture_failed', 'source.link_status_changed', 'source.updated', 'source.merged', 'source.unmerged', 'publisher.created', 'publisher.rated', 'publisher.renamed', 'user.created', 'user.role_changed', 'user.deactivated', 'user.password_reset'));--> statement-breakpoint
-- The rating history is a record of what was decided: rows are added, never changed or removed.
CREATE TRIGGER publisher_ratings_append_only
  BEFORE UPDATE OR DELETE ON publisher_ratings
  FOR EACH ROW EXECUTE FUNCTION factdesk_refuse_change();--> statement-breakpoint
-- A publisher rated before this history existed starts its history with that rating.
INSERT INTO publisher_ratings (publisher_id, rating, rationale, rated_on)
  SELECT id, reliability_rating, reliability_rationale, updated_at::date FROM publishers
  WHERE reliability_rating <> 'unrated' AND reliability_rationale IS NOT NULL;--> statement-breakpoint
UPDATE publishers SET rated_on = updated_at::date WHERE reliability_rating <> 'unrated' AND reliability_rationale IS NOT NULL;
