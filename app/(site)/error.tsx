"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

/**
 * What a page shows when it could not be rendered, typically because the database is briefly unreachable
 * (tests/faults/database-outage.test.ts). Production hides the error's message from the browser, so this
 * does not guess the cause: it says what a reader can do, and keeps the site's header and footer around it.
 */
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The error came from the server: fetch the page again, then leave the error state.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">This page is temporarily unavailable</h1>
      <p className="mt-2 text-quiet">We could not load it just now. This usually passes within seconds: try again shortly.</p>
      <p className="mt-6">
        <button type="button" onClick={retry} className="text-accent hover:underline">
          Try again
        </button>
      </p>
      {error.digest ? <p className="mt-6 text-xs text-quiet">Reference for the site team: {error.digest}</p> : null}
    </div>
  );
}
