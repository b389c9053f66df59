import { and, count, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { articles, auditEvents, claims, notifications, users } from "@/db/schema";
import { NOTIFICATION_LABELS, isNotifyingAction } from "@/lib/notifications/kinds";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";

/** How many of the newest notifications the list shows; older ones stay in the table (and the audit log). */
export const NOTIFICATION_LIST_LIMIT = 50;

/** One notification, or (andOlder) it and every older one: "Mark all as read" names the newest it showed. */
export const markNotificationsReadInput = z.object({ notificationId: idInput, andOlder: z.boolean().optional() });

/** My newest notifications with what happened (from the audit log), and how many are unread in all. */
export async function listMyNotifications(ctx: ServiceContext) {
  assertCan(ctx.actor, "notification.read");
  if (ctx.actor.kind !== "user") return { unreadCount: 0, items: [] };
  const me = ctx.actor.id;
  const [rows, [unread]] = await Promise.all([
    ctx.db
      .select({
        id: notifications.id,
        readAt: notifications.readAt,
        action: auditEvents.action,
        at: auditEvents.createdAt,
        comment: sql<string | null>`${auditEvents.after} ->> 'comment'`,
        actorName: users.name,
        actorLabel: auditEvents.actorLabel,
        claimId: auditEvents.claimId,
        claimText: claims.quoteExact,
        articleId: auditEvents.articleId,
        articleTitle: articles.title,
      })
      .from(notifications)
      .innerJoin(auditEvents, eq(auditEvents.id, notifications.auditEventId))
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .leftJoin(claims, eq(claims.id, auditEvents.claimId))
      .leftJoin(articles, eq(articles.id, auditEvents.articleId))
      .where(eq(notifications.recipientId, me))
      .orderBy(desc(notifications.id))
      .limit(NOTIFICATION_LIST_LIMIT),
    ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.recipientId, me), isNull(notifications.readAt))),
  ]);
  const items = rows.flatMap((row) => (isNotifyingAction(row.action) ? [{ ...row, action: row.action, label: NOTIFICATION_LABELS[row.action] }] : []));
  return { unreadCount: unread?.n ?? 0, items };
}

/**
 * Marks my notifications read. Repeating it, or naming someone else's, changes nothing; a notification
 * that arrived after the list was shown stays unread under "Mark all as read".
 */
export async function markNotificationsRead(ctx: ServiceContext, rawInput: z.input<typeof markNotificationsReadInput>) {
  assertCan(ctx.actor, "notification.read");
  const input = markNotificationsReadInput.parse(rawInput);
  if (ctx.actor.kind !== "user") return { marked: 0 };
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.recipientId, ctx.actor.id), input.andOlder ? lte(notifications.id, input.notificationId) : eq(notifications.id, input.notificationId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
