-- Links are kept as pasted (decision 0021): a source's link is the spelling first pasted, not its canonical key.
ALTER TABLE "sources" ADD COLUMN "url" text;--> statement-breakpoint
UPDATE "sources" SET "url" = coalesce(
  (select u from unnest("sources"."original_urls") with ordinality as o(u, n) where u ~* '^https?://' order by n limit 1),
  "sources"."canonical_url"
);--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_url_check" CHECK ("sources"."url" is null or "sources"."url" ~* '^https?://');--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_url_check" CHECK ("evidence"."url" is null or "evidence"."url" ~* '^https?://');
