import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { claims } from "./claims";
import { users } from "./users";

/**
 * Append-only audit trail of every change to claims, their evidence and verdicts.
 * A trigger (custom migration) refuses UPDATE and DELETE, so history cannot be rewritten from the app.
 */
export const claimEvents = pgTable(
  "claim_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "restrict" }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "restrict" }),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("claim_events_claim_id_idx").on(t.claimId, t.id),
    index("claim_events_actor_id_idx").on(t.actorId),
    check("claim_events_action_check", sql`length(${t.action}) > 0`),
  ],
);
