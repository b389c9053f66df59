CREATE INDEX "article_revisions_body_fts_idx" ON "article_revisions" USING gin (to_tsvector('english', "body"));--> statement-breakpoint
CREATE INDEX "articles_title_fts_idx" ON "articles" USING gin (to_tsvector('english', "title"));--> statement-breakpoint
CREATE INDEX "articles_title_trgm_idx" ON "articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "claims_quote_exact_fts_idx" ON "claims" USING gin (to_tsvector('english', "quote_exact"));--> statement-breakpoint
CREATE INDEX "claims_rationale_fts_idx" ON "claims" USING gin (to_tsvector('english', coalesce("rationale", '')));--> statement-breakpoint
CREATE INDEX "claims_speaker_trgm_idx" ON "claims" USING gin ("speaker" gin_trgm_ops);