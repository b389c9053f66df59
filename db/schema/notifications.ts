import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, timestamp, unique } from "drizzle-orm/pg-core";
import { auditEvents } from "./audit-events";
import { users } from "./users";

/**
 * "This change concerns you": one row per (recipient, audit event), written by recordAudit in the
 * transaction that makes the change (docs/decisions/0023-notifications-index-the-audit-log.md). What
 * happened, by whom, when and with which comment is read from the audit row; this table only says who
 * should hear about it and whether they have read it. The unique pair makes writing it twice a no-op.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    recipientId: integer("recipient_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    auditEventId: bigint("audit_event_id", { mode: "number" }).notNull().references(() => auditEvents.id, { onDelete: "restrict" }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("notifications_recipient_event_unique").on(t.recipientId, t.auditEventId),
    index("notifications_recipient_id_idx").on(t.recipientId, t.id),
    // The bell's count: unread rows of one person, an index of only the unread ones.
    index("notifications_unread_idx").on(t.recipientId).where(sql`${t.readAt} is null`),
    index("notifications_audit_event_id_idx").on(t.auditEventId),
  ],
);
