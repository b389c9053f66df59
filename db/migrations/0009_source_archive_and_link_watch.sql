CREATE TABLE "fetch_hosts" (
	"host" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_checks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "link_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"http_status" integer,
	"final_url" text,
	"error" text,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_checks_outcome_check" CHECK ("link_checks"."outcome" in ('ok', 'redirected', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "source_captures" (
	"source_id" integer PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_captures_state_check" CHECK ("source_captures"."state" in ('queued', 'capturing', 'archived', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "source_link_health" (
	"source_id" integer PRIMARY KEY NOT NULL,
	"health" text NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"first_failure_at" timestamp with time zone,
	"redirect_url" text,
	"last_checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "source_link_health_health_check" CHECK ("source_link_health"."health" in ('ok', 'redirected', 'failing', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "source_snapshots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_id" integer NOT NULL,
	"requested_url" text NOT NULL,
	"final_url" text NOT NULL,
	"http_status" integer NOT NULL,
	"content_type" text,
	"document" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "source_snapshots_sha256_check" CHECK ("source_snapshots"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";--> statement-breakpoint
ALTER TABLE "link_checks" ADD CONSTRAINT "link_checks_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_captures" ADD CONSTRAINT "source_captures_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_link_health" ADD CONSTRAINT "source_link_health_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_checks_source_id_idx" ON "link_checks" USING btree ("source_id","checked_at");--> statement-breakpoint
CREATE INDEX "source_link_health_health_idx" ON "source_link_health" USING btree ("health");--> statement-breakpoint
CREATE UNIQUE INDEX "source_snapshots_public_id_key" ON "source_snapshots" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "source_snapshots_source_id_idx" ON "source_snapshots" USING btree ("source_id","fetched_at");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK ("audit_events"."action" in ('article.imported', 'article.status_changed', 'revision.created', 'claim.created', 'claim.updated', 'claim.verdict_set', 'claim.status_changed', 'claim.approved', 'claim.rejected', 'claim.assigned', 'claim.deleted', 'claim.restored', 'claim.reanchored', 'claim.anchor_changed', 'claim.orphaned', 'claim.reattached', 'evidence.added', 'evidence.updated', 'evidence.removed', 'source.created', 'source.url_added', 'source.titled', 'source.capture_requested', 'source.archived', 'source.capture_failed', 'source.link_status_changed', 'source.metadata_edited', 'publisher.created', 'user.created', 'user.role_changed', 'user.deactivated', 'user.password_reset'));