import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";

/**
 * Skip link, header, main and footer around a page: the (site) layout and the root 404 (addresses no
 * route matches, like /admin) share it, so every page a person lands on looks like the same site.
 */
export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="w-full flex-1">
        {children}
      </main>
      <footer className="border-t border-rule text-sm text-quiet">
        <div className="mx-auto max-w-5xl px-4 py-6">Factdesk: every checked claim links to its sources.</div>
      </footer>
    </div>
  );
}
