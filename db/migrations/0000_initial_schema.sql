CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'reader' NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('reader', 'editor', 'admin')),
	CONSTRAINT "users_email_check" CHECK (position('@' in "users"."email") > 1)
);
--> statement-breakpoint
CREATE TABLE "publishers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "publishers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"domain" text NOT NULL,
	"name" text NOT NULL,
	"reliability_rating" text DEFAULT 'unrated' NOT NULL,
	"reliability_rationale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publishers_reliability_rating_check" CHECK ("publishers"."reliability_rating" in ('unrated', 'high', 'generally_reliable', 'mixed', 'low'))
);
--> statement-breakpoint
CREATE TABLE "article_related_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "article_related_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"url" text
);
--> statement-breakpoint
CREATE TABLE "article_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "article_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_sources" (
	"article_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"byline" text,
	"publisher_id" integer,
	"original_url" text,
	"published_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_revision_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_status_check" CHECK ("articles"."status" in ('draft', 'published')),
	CONSTRAINT "articles_slug_check" CHECK ("articles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"canonical_url" text NOT NULL,
	"original_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text,
	"publisher_id" integer,
	"type" text DEFAULT 'other' NOT NULL,
	"published_on" date,
	"archived_url" text,
	"link_status" text DEFAULT 'unchecked' NOT NULL,
	"notes" text,
	"merged_into_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_type_check" CHECK ("sources"."type" in ('article', 'video', 'audio', 'document', 'dataset', 'social_post', 'official_statement', 'other')),
	CONSTRAINT "sources_link_status_check" CHECK ("sources"."link_status" in ('unchecked', 'ok', 'redirected', 'broken')),
	CONSTRAINT "sources_canonical_url_check" CHECK ("sources"."canonical_url" ~ '^https?://'),
	CONSTRAINT "sources_not_merged_into_self_check" CHECK ("sources"."merged_into_id" is null or "sources"."merged_into_id" <> "sources"."id")
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"quote_exact" text NOT NULL,
	"quote_prefix" text DEFAULT '' NOT NULL,
	"quote_suffix" text DEFAULT '' NOT NULL,
	"position_start" integer NOT NULL,
	"position_end" integer NOT NULL,
	"kind" text NOT NULL,
	"speaker" text,
	"summary" text,
	"status" text DEFAULT 'unchecked' NOT NULL,
	"verdict" text,
	"rationale" text,
	"verdict_set_by" integer,
	"verdict_set_at" timestamp with time zone,
	"reviewed_by" integer,
	"published_at" timestamp with time zone,
	"anchor_state" text DEFAULT 'anchored' NOT NULL,
	"assignee_id" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" integer,
	CONSTRAINT "claims_kind_check" CHECK ("claims"."kind" in ('quote', 'statistic', 'event', 'attribution', 'characterization')),
	CONSTRAINT "claims_status_check" CHECK ("claims"."status" in ('unchecked', 'in_progress', 'in_review', 'published')),
	CONSTRAINT "claims_verdict_check" CHECK ("claims"."verdict" is null or "claims"."verdict" in ('true', 'mostly_true', 'mixed', 'misleading', 'mostly_false', 'false', 'unverifiable')),
	CONSTRAINT "claims_anchor_state_check" CHECK ("claims"."anchor_state" in ('anchored', 'fuzzy', 'orphaned')),
	CONSTRAINT "claims_position_check" CHECK (0 <= "claims"."position_start" and "claims"."position_start" < "claims"."position_end"),
	CONSTRAINT "claims_quote_exact_check" CHECK (length("claims"."quote_exact") > 0),
	CONSTRAINT "claims_version_check" CHECK ("claims"."version" >= 1),
	CONSTRAINT "claims_published_has_verdict_check" CHECK ("claims"."status" <> 'published' or ("claims"."verdict" is not null and "claims"."rationale" is not null and "claims"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	"stance" text NOT NULL,
	"excerpt" text,
	"locator" text,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "evidence_stance_check" CHECK ("evidence"."stance" in ('supports', 'refutes', 'context')),
	CONSTRAINT "evidence_version_check" CHECK ("evidence"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "claim_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_events_action_check" CHECK (length("claim_events"."action") > 0)
);
--> statement-breakpoint
ALTER TABLE "article_related_links" ADD CONSTRAINT "article_related_links_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_sources" ADD CONSTRAINT "article_sources_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_sources" ADD CONSTRAINT "article_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_current_revision_id_article_revisions_id_fk" FOREIGN KEY ("current_revision_id") REFERENCES "public"."article_revisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_merged_into_id_sources_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_revision_id_article_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."article_revisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_verdict_set_by_users_id_fk" FOREIGN KEY ("verdict_set_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE UNIQUE INDEX "publishers_domain_key" ON "publishers" USING btree ("domain");--> statement-breakpoint
CREATE UNIQUE INDEX "article_related_links_article_position_key" ON "article_related_links" USING btree ("article_id","position");--> statement-breakpoint
CREATE INDEX "article_revisions_article_id_idx" ON "article_revisions" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "article_revisions_author_id_idx" ON "article_revisions" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "article_sources_article_source_key" ON "article_sources" USING btree ("article_id","source_id");--> statement-breakpoint
CREATE INDEX "article_sources_source_id_idx" ON "article_sources" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_key" ON "articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "articles_publisher_id_idx" ON "articles" USING btree ("publisher_id");--> statement-breakpoint
CREATE INDEX "articles_current_revision_id_idx" ON "articles" USING btree ("current_revision_id");--> statement-breakpoint
CREATE INDEX "articles_created_by_idx" ON "articles" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "articles_status_published_on_idx" ON "articles" USING btree ("status","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_canonical_url_key" ON "sources" USING btree ("canonical_url");--> statement-breakpoint
CREATE INDEX "sources_publisher_id_idx" ON "sources" USING btree ("publisher_id");--> statement-breakpoint
CREATE INDEX "sources_merged_into_id_idx" ON "sources" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "claims_article_id_position_idx" ON "claims" USING btree ("article_id","position_start");--> statement-breakpoint
CREATE INDEX "claims_revision_id_idx" ON "claims" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "claims_status_idx" ON "claims" USING btree ("status");--> statement-breakpoint
CREATE INDEX "claims_assignee_id_idx" ON "claims" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "claims_verdict_set_by_idx" ON "claims" USING btree ("verdict_set_by");--> statement-breakpoint
CREATE INDEX "claims_reviewed_by_idx" ON "claims" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "claims_created_by_idx" ON "claims" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "claims_deleted_by_idx" ON "claims" USING btree ("deleted_by");--> statement-breakpoint
CREATE INDEX "evidence_claim_id_idx" ON "evidence" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "evidence_source_id_idx" ON "evidence" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "evidence_created_by_idx" ON "evidence" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "claim_events_claim_id_idx" ON "claim_events" USING btree ("claim_id","id");--> statement-breakpoint
CREATE INDEX "claim_events_actor_id_idx" ON "claim_events" USING btree ("actor_id");