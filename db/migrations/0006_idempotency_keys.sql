CREATE TABLE "idempotency_keys" (
	"user_id" integer NOT NULL,
	"key" text NOT NULL,
	"procedure" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key"),
	CONSTRAINT "idempotency_keys_key_check" CHECK (length("idempotency_keys"."key") between 8 and 100)
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
-- Twins attached before this index (double clicks) are removed, keeping the first; each removal is audited.
WITH "twins" AS (
	SELECT "id" FROM (
		SELECT "id", row_number() OVER (PARTITION BY "claim_id", "source_id", coalesce("locator", '') ORDER BY "id") AS "n"
		FROM "evidence" WHERE "deleted_at" IS NULL
	) AS "ranked" WHERE "n" > 1
), "removed" AS (
	UPDATE "evidence" SET "deleted_at" = now(), "version" = "version" + 1 WHERE "id" IN (SELECT "id" FROM "twins")
	RETURNING "id", "claim_id", "source_id", "stance", "locator"
)
INSERT INTO "audit_events" ("entity_type", "entity_id", "article_id", "claim_id", "actor_label", "action", "before", "after")
SELECT 'evidence', "removed"."id", "claims"."article_id", "removed"."claim_id", 'migration 0005 (duplicate evidence)', 'evidence.removed',
	jsonb_build_object('evidenceId', "removed"."id", 'sourceId', "removed"."source_id", 'stance', "removed"."stance", 'locator', "removed"."locator"), NULL
FROM "removed" JOIN "claims" ON "claims"."id" = "removed"."claim_id";--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_live_claim_source_locator_key" ON "evidence" USING btree ("claim_id","source_id",coalesce("locator", '')) WHERE "evidence"."deleted_at" is null;