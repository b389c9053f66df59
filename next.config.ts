import type { NextConfig } from "next";
import { BADGE_CONTENT_SECURITY_POLICY } from "./lib/embed/badge-policy";
import { ARCHIVE_CONTENT_SECURITY_POLICY } from "./lib/sources/archive-policy";

const nextConfig: NextConfig = {
  // PGlite ships wasm/data files it loads from its own package folder; bundling it breaks that.
  // The text libraries are loaded by Node instead of bundled for memory: the build copies a bundled library into
  // every route's server chunks (five pages and two route handlers held their own 5 MB copy of these), and each copy
  // kept its source and, for the language models, its own instance in the heap (docs/decisions/0039-server-memory.md).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg-boss",
    "pg",
    "@node-rs/argon2",
    "postgres",
    "compromise",
    "wink-nlp",
    "wink-eng-lite-web-model",
    "linkedom",
    "@mozilla/readability",
    "tldts",
  ],
  // Next's in-memory LRU of rendered pages and data (50 MB by default). 32 MB: the hottest outputs are also kept,
  // finished, by scripts/serve.mjs's copies (page-micro-cache.mjs, 32 MB), and one instance stays under 400 MB
  // resident on the embedded database too (issue 14; README "Running at scale").
  cacheMaxMemorySize: 32 * 1024 * 1024,
  poweredByHeader: false,
  // scripts/serve.mjs reads each HTML response to hash its inline scripts into the CSP; compressing is left
  // to the reverse proxy in front (as it usually is), so the server never re-parses gzip.
  compress: false,
  experimental: {
    // Pages and data rendered at run time stay in this process's memory (LRU, 50 MB by default) instead of
    // .next/: a cache on disk outlived the database it came from (a reset .data, another DATABASE_URL) and
    // grew by one file per random /a/<slug> a client asked for.
    isrFlushToDisk: false,
  },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    // Only the embed card /embed/<slug> may be framed, by any site ("no dot" keeps /embed/<slug>.svg out).
    // A later rule overrides an earlier one's header of the same name but cannot remove one, so the
    // X-Frame-Options rule skips that path while the CSP is overridden per path below. HTML pages get
    // their full, hash-based policy from scripts/serve.mjs, which replaces this frame-only one.
    const badgeCsp = { key: "Content-Security-Policy", value: BADGE_CONTENT_SECURITY_POLICY };
    return [
      { source: "/:path*", headers: [...common, { key: "Content-Security-Policy", value: "frame-ancestors 'none'" }] },
      { source: "/:path((?!embed/[^/.]+$).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/embed/:slug([^/.]+)", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
      // Next applies these over a route handler's own headers, so the badge's stricter CSP must be here.
      { source: "/embed/:slug.svg", headers: [badgeCsp] },
      { source: "/embed-badge/:slug", headers: [badgeCsp] },
      // Archived copies run nothing (decision 0016); scripts/serve.mjs leaves this policy as it is.
      { source: "/archive/:path*", headers: [{ key: "Content-Security-Policy", value: ARCHIVE_CONTENT_SECURITY_POLICY }] },
    ];
  },
  async rewrites() {
    // The badge URL publishers paste; an app folder cannot be named "[slug].svg", so a route serves it.
    return { beforeFiles: [{ source: "/embed/:slug.svg", destination: "/embed-badge/:slug" }], afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
