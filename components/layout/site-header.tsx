import Link from "next/link";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const actor = await getRequestActor();
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Fact<span className="text-accent">desk</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          <Link href="/" className="hover:underline">Articles</Link>
          {can(actor, "article.listAll") && <Link href="/dashboard" className="hover:underline">Dashboard</Link>}
          {actor.kind === "user" ? (
            <>
              <span className="hidden text-quiet sm:inline" aria-label="Signed in as">
                {actor.name} <span className="rounded bg-wash px-1.5 py-0.5 text-xs">{actor.role}</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/login" className="rounded border border-rule px-3 py-1 hover:bg-wash">Sign in</Link>
          )}
        </nav>
      </div>
    </header>
  );
}
