import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EditorsOnly } from "@/components/workspace/editors-only";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import { getServerCaller } from "@/server/trpc/server-caller";
import { NotificationList, type NotificationListData } from "./_components/notification-list";

export const metadata: Metadata = { title: "Notifications" };

/** What happened to my claims: assigned to me, returned to me, approved, their words changed by an edit. */
export default async function NotificationsPage() {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect("/login?callbackUrl=/notifications");
  if (!can(actor, "notification.read")) return <EditorsOnly />;
  const list = await (await getServerCaller()).notification.list();
  // The browser's client gets JSON (dates as strings): hand the prefetch over in the same shape.
  const initialData = JSON.parse(JSON.stringify(list)) as NotificationListData;
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <nav aria-label="Editor pages" className="flex gap-4 text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">← Dashboard</Link>
        <Link href="/queue" className="text-accent hover:underline">My queue</Link>
      </nav>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">Notifications</h1>
      <p className="mt-1 text-sm text-quiet">Claims assigned to you, returned to you or approved, and claims whose words an edit changed.</p>
      <NotificationList initialData={initialData} />
    </div>
  );
}
