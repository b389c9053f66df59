import Link from "next/link";
import { AccountNav } from "./account-nav";

/**
 * The header reads no cookies on the server: that keeps public pages cacheable (the reader page is
 * served from the full-route cache). Who is signed in is fetched by the AccountNav island.
 */
export function SiteHeader() {
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Fact<span className="text-accent">desk</span>
        </Link>
        {/* Wraps under the logo on a phone rather than pushing the page wider than the screen. */}
        <nav aria-label="Main" className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2 text-sm sm:gap-x-4">
          {/* On a phone the logo is the way home. */}
          <Link href="/" className="hidden hover:underline sm:inline">Articles</Link>
          <Link href="/search" className="hover:underline">Search</Link>
          <AccountNav />
        </nav>
      </div>
    </header>
  );
}
