"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const PAGES = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/sources", label: "Sources" },
  { href: "/admin/publishers", label: "Publishers" },
  { href: "/admin/users", label: "Users" },
] as const;

/** The admin section's own navigation; the current page is marked for screen readers too. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-1 border-b border-rule pb-2 text-sm">
      {PAGES.map((page) => {
        const current = pathname === page.href;
        return (
          <Link
            key={page.href}
            href={page.href}
            aria-current={current ? "page" : undefined}
            className={`rounded px-3 py-1.5 ${current ? "bg-wash font-semibold text-ink" : "text-accent hover:underline"}`}
          >
            {page.label}
          </Link>
        );
      })}
    </nav>
  );
}
