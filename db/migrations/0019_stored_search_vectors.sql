-- Stored text vectors for search and claim memory (decision 0037): ranking reads them instead of running
-- to_tsvector on every match. Generated columns, so every write (and seed:scale's COPY) fills them. Not declared
-- in db/schema (whole-row reads would carry them to clients); the schema refers to them by name. The old
-- expression indexes go first so the table rewrites do not rebuild them.
DROP INDEX "article_revisions_body_fts_idx";--> statement-breakpoint
DROP INDEX "claims_quote_exact_fts_idx";--> statement-breakpoint
DROP INDEX "claims_rationale_fts_idx";--> statement-breakpoint
ALTER TABLE "claims"
  ADD COLUMN "quote_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "quote_exact")) STORED,
  ADD COLUMN "rationale_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce("rationale", ''))) STORED;--> statement-breakpoint
ALTER TABLE "article_revisions"
  ADD COLUMN "body_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED;--> statement-breakpoint
CREATE INDEX "article_revisions_body_fts_idx" ON "article_revisions" USING gin ("body_vector");--> statement-breakpoint
CREATE INDEX "claims_quote_exact_fts_idx" ON "claims" USING gin ("quote_vector");--> statement-breakpoint
CREATE INDEX "claims_rationale_fts_idx" ON "claims" USING gin ("rationale_vector");
