"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { NOTIFICATIONS_CHANGED_EVENT } from "@/components/layout/notification-bell";
import { useTRPC } from "@/components/providers/trpc-provider";
import { secondaryButtonClass } from "@/components/workspace/form-styles";
import { truncate } from "@/components/workspace/text-format";
import { errorMessage } from "@/components/workspace/trpc-error";
import { formatDateTime } from "@/lib/text/format-date";
import type { AppRouter } from "@/server/routers/_app";

export type NotificationListData = inferRouterOutputs<AppRouter>["notification"]["list"];

/** The newest notifications, unread ones marked; reading one is a click on "Mark as read" or on its claim. */
export function NotificationList({ initialData }: { initialData: NotificationListData }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.notification.list.queryOptions(undefined, { initialData }));
  const markRead = useMutation(trpc.notification.markRead.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const { items, unreadCount } = list.data;

  async function mark(notificationId: number, andOlder = false) {
    setProblem(null);
    try {
      await markRead.mutateAsync({ notificationId, andOlder });
      await list.refetch();
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  const newest = items[0];
  return (
    <section aria-labelledby="notifications-heading" className="mt-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          {unreadCount === 0 ? "All read" : `${unreadCount} unread`}
        </h2>
        {newest && unreadCount > 0 && (
          <button type="button" onClick={() => void mark(newest.id, true)} disabled={markRead.isPending} className={secondaryButtonClass}>
            Mark all as read
          </button>
        )}
      </div>
      {problem && <p role="alert" className="mt-2 text-sm text-[#a40e26]">{problem}</p>}
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-quiet">Nothing yet. You hear here when a claim is assigned to you, returned to you or approved, or when an edit changes its words.</p>
      ) : (
        <ul aria-label="Notifications" className="mt-3 divide-y divide-rule rounded border border-rule">
          {items.map((item) => {
            const unread = item.readAt === null;
            return (
              <li key={item.id} className={unread ? "bg-[#ddf4ff]/40 px-3 py-3" : "px-3 py-3"} data-unread={unread || undefined}>
                <p className="text-sm">
                  {unread && <span className="mr-1 inline-block h-2 w-2 rounded-full bg-accent align-middle" aria-hidden="true" />}
                  {unread && <span className="sr-only">Unread: </span>}
                  <span className="font-medium">{item.actorName ?? item.actorLabel ?? "Someone"}</span> {item.label}
                  <span className="text-quiet"> · {formatDateTime(item.at)}</span>
                </p>
                {item.claimText && item.articleId !== null && item.claimId !== null && (
                  <Link
                    href={`/edit/${item.articleId}?claim=${item.claimId}`}
                    onClick={() => unread && void markRead.mutateAsync({ notificationId: item.id })}
                    className="mt-1 block font-serif text-[16px] leading-snug text-ink [overflow-wrap:anywhere] hover:text-accent hover:underline"
                  >
                    {truncate(item.claimText, 160)}
                  </Link>
                )}
                {item.comment && (
                  <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-4 border-rule pl-3 text-sm">{item.comment}</blockquote>
                )}
                <div className="mt-1 flex flex-wrap items-center gap-3 text-xs text-quiet">
                  {item.articleTitle && <span>in {item.articleTitle}</span>}
                  {unread && (
                    <button type="button" onClick={() => void mark(item.id)} disabled={markRead.isPending} className="min-h-6 font-medium text-accent hover:underline">
                      Mark as read
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
