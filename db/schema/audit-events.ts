import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "@/lib/audit/actions";
import { articles } from "./articles";
import { claims } from "./claims";
import { oneOf } from "./enums";
import { users } from "./users";

/**
 * The one append-only audit log: a row per change to any audited entity (lib/audit/actions.ts), written by
 * server/services/audit/record-audit.ts in the transaction that makes the change. Triggers (custom migration)
 * refuse UPDATE, DELETE and TRUNCATE, so history cannot be rewritten from the app.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    entityType: text("entity_type", { enum: AUDIT_ENTITIES }).notNull(),
    /** No foreign key: the entity may live in any table (entity_type says which). */
    entityId: integer("entity_id").notNull(),
    // Denormalised scopes, so "everything that happened to this article / claim" is one index scan.
    articleId: integer("article_id").references(() => articles.id, { onDelete: "restrict" }),
    claimId: integer("claim_id").references(() => claims.id, { onDelete: "restrict" }),
    /** A signed-in user; null when the process itself acted (then actor_label names it). */
    actorId: integer("actor_id").references(() => users.id, { onDelete: "restrict" }),
    /** "demo seed", "user CLI", "first start": set exactly when actor_id is null. */
    actorLabel: text("actor_label"),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.id),
    index("audit_events_article_id_idx").on(t.articleId, t.id),
    index("audit_events_claim_id_idx").on(t.claimId, t.id),
    index("audit_events_actor_id_idx").on(t.actorId),
    check("audit_events_entity_type_check", oneOf(t.entityType, AUDIT_ENTITIES)),
    check("audit_events_action_check", oneOf(t.action, AUDIT_ACTIONS)),
    check("audit_events_action_entity_check", sql`split_part(${t.action}, '.', 1) = ${t.entityType}`),
    check("audit_events_actor_check", sql`(${t.actorId} is null) <> (${t.actorLabel} is null)`),
    check("audit_events_actor_label_check", sql`${t.actorLabel} is null or length(${t.actorLabel}) > 0`),
  ],
);
