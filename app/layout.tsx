import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Factdesk", template: "%s · Factdesk" },
  description: "Claims in the news, checked against their sources.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="flex-1 w-full">
          {children}
        </main>
        <footer className="border-t border-rule text-sm text-quiet">
          <div className="mx-auto max-w-5xl px-4 py-6">Factdesk: every checked claim links to its sources.</div>
        </footer>
      </body>
    </html>
  );
}
