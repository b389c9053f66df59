CREATE INDEX "publishers_name_trgm_idx" ON "publishers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "articles_updated_at_id_idx" ON "articles" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "sources_title_trgm_idx" ON "sources" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_title_fts_idx" ON "sources" USING gin (to_tsvector('english', coalesce("title", '')));--> statement-breakpoint
CREATE INDEX "claims_assignee_queue_idx" ON "claims" USING btree ("assignee_id","updated_at","id") WHERE "claims"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "claims_status_queue_idx" ON "claims" USING btree ("status","updated_at","id") WHERE "claims"."deleted_at" is null;--> statement-breakpoint
-- The link as pasted is searched like the canonical URL (search-sources.ts), so it gets the same trigram index.
CREATE INDEX "sources_url_trgm_idx" ON "sources" USING gin ("url" gin_trgm_ops);
