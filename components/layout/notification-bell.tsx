import Link from "next/link";

/** Fired by the notifications page after marking some read, so the header's count follows at once. */
export const NOTIFICATIONS_CHANGED_EVENT = "factdesk:notifications-changed";

/** The header's bell: a link to the notification list, its unread count in text for everyone. */
export function NotificationBell({ unread }: { unread: number | undefined }) {
  const label = unread === undefined ? "Notifications" : unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex h-8 w-8 items-center justify-center rounded hover:bg-wash">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 9a6 6 0 0 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9" />
        <path d="M10 19a2 2 0 0 0 4 0" />
      </svg>
      {unread !== undefined && unread > 0 && (
        <span aria-hidden="true" className="absolute -right-1 -top-1 min-w-[1.25rem] rounded-full bg-[#cf222e] px-1 text-center text-[11px] font-semibold leading-5 text-white tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
