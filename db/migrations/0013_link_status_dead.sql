-- The registry says "dead" like the link-rot watch (source_link_health.health) and the screens: one word, not two.
ALTER TABLE "sources" DROP CONSTRAINT "sources_link_status_check";--> statement-breakpoint
UPDATE "sources" SET "link_status" = 'dead' WHERE "link_status" = 'broken';--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_link_status_check" CHECK ("sources"."link_status" in ('unchecked', 'ok', 'redirected', 'dead'));
