-- Admin source registry search (server/services/source/list-sources.ts): full-text over title and notes and
-- over the publisher's name and domain, trigram (ILIKE and %) over the canonical URL. The expressions here
-- must stay identical to the ones in the query, or the planner cannot use these indexes.
-- pg_trgm itself comes from migration 0007_pg_trgm; kept here too (a no-op) so this file stands on its own.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sources_search_fts_idx" ON "sources" USING gin (to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("notes", '')));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "publishers_search_fts_idx" ON "publishers" USING gin (to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("domain", '')));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sources_canonical_url_trgm_idx" ON "sources" USING gin ("canonical_url" gin_trgm_ops);
