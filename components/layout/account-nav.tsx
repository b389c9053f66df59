"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { SignOutButton } from "./sign-out-button";

type Me = { name: string; role: string; canOpenDashboard: boolean } | null;

/** Asks the server who is signed in (tRPC user.me over GET) whenever the route changes. */
export function AccountNav() {
  const pathname = usePathname();
  // The answer remembers which page asked: after navigating (say, right after signing in) the previous
  // page's answer is not shown while the new one loads.
  const [answer, setAnswer] = useState<{ path: string; me: Me } | undefined>(undefined);
  const me = answer?.path === pathname ? answer.me : undefined;

  useEffect(() => {
    let cancelled = false;
    fetch("/api/trpc/user.me", { credentials: "same-origin", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { result?: { data?: Me } } | null) => !cancelled && setAnswer({ path: pathname, me: body?.result?.data ?? null }))
      .catch(() => !cancelled && setAnswer({ path: pathname, me: null }));
    return () => {
      cancelled = true;
    };
  }, [pathname]);

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
      <span className="hidden text-quiet sm:inline">
        <span className="sr-only">Signed in as </span>
        {me.name} <span className="rounded bg-wash px-1.5 py-0.5 text-xs">{me.role}</span>
      </span>
      <SignOutButton />
    </>
  );
}
