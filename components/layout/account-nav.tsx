"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { createBrowserTrpcClient } from "@/components/providers/trpc-client";
import type { AppRouter } from "@/server/routers/_app";
import type { inferRouterOutputs } from "@trpc/server";
import { NOTIFICATIONS_CHANGED_EVENT, NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";

type Me = inferRouterOutputs<AppRouter>["user"]["me"];

// The plain tRPC client, without React Query: the header is on every page, reader pages included, which
// stay free of the query provider (see app/(site)/(editor)/layout.tsx). One per page load.
let client: ReturnType<typeof createBrowserTrpcClient> | undefined;

/** Asks the server who is signed in (tRPC user.me) whenever the route changes. */
export function AccountNav() {
  const pathname = usePathname();
  // The answer remembers which page asked: after navigating (say, right after signing in) the previous
  // page's answer is not shown while the new one loads.
  const [answer, setAnswer] = useState<{ path: string; me: Me } | undefined>(undefined);
  const me = answer?.path === pathname ? answer.me : undefined;
  const [unread, setUnread] = useState<number | undefined>(undefined);
  const showsBell = me?.canOpenDashboard === true;

  useEffect(() => {
    let cancelled = false;
    client ??= createBrowserTrpcClient();
    client.user.me
      .query()
      .then((me) => !cancelled && setAnswer({ path: pathname, me }))
      .catch(() => !cancelled && setAnswer({ path: pathname, me: null }));
    return () => {
      cancelled = true;
    };
  }, [pathname]);

  // The unread count, for those who get notifications: on every page change and when the list marks some read.
  useEffect(() => {
    if (!showsBell) return;
    let cancelled = false;
    const refresh = () => {
      client ??= createBrowserTrpcClient();
      client.notification.list
        .query()
        .then((list) => !cancelled && setUnread(list.unreadCount))
        .catch(() => !cancelled && setUnread(undefined));
    };
    refresh();
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    return () => {
      cancelled = true;
      window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    };
  }, [showsBell, pathname]);

  // Reserve the space while loading, so nothing shifts when the answer arrives.
  if (me === undefined) return <span className="inline-block h-7 w-40" aria-hidden="true" />;
  if (me === null) {
    return (
      <Link href="/login" className="rounded border border-rule px-3 py-1 hover:bg-wash">
        Sign in
      </Link>
    );
  }
  return (
    <>
      {me.canOpenDashboard && (
        <>
          <Link href="/dashboard" className="hover:underline">Dashboard</Link>
          <Link href="/queue" className="hidden hover:underline sm:inline">My queue</Link>
        </>
      )}
      {showsBell && <NotificationBell unread={unread} />}
      {me.canAdminister && (
        <Link href="/admin/users" className="hover:underline">Admin</Link>
      )}
      <span className="hidden text-quiet sm:inline">
        <span className="sr-only">Signed in as </span>
        {me.name} <span className="rounded bg-wash px-1.5 py-0.5 text-xs">{me.role}</span>
      </span>
      <SignOutButton />
    </>
  );
}
