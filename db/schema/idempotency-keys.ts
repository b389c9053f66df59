import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per intended action a signed-in user sent with an idempotency key (server/services/idempotency.ts):
 * written in the transaction that makes the change, so a retried or double-clicked request finds the first
 * result instead of doing the thing twice. Keys are scoped by user and pruned after a day.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** The procedure the key was first used for ("claim.mark"): the same key for another action is refused. */
    procedure: text("procedure").notNull(),
    /** The first answer, encoded so dates survive (encodeResult); null only inside the writing transaction. */
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("idempotency_keys_created_at_idx").on(t.createdAt),
    check("idempotency_keys_key_check", sql`length(${t.key}) between 8 and 100`),
  ],
);
