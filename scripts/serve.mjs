#!/usr/bin/env node
// The production server (what `npm start` runs after building): Next's request handler behind a plain
// Node HTTP server, so every HTML response gets a hash-based Content-Security-Policy
// (server/http/hashed-csp-response.mjs; docs/decisions/0007-hash-based-csp.md), every public output follows
// the one cache policy (server/http/public-cache-policy.mjs; docs/caching.md), and finished reader pages
// are replayed from memory until the app expires them (server/http/page-micro-cache.mjs).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import nextEnv from "@next/env";
import next from "next";
import { hashInlineScriptsInto } from "../server/http/hashed-csp-response.mjs";
import { servePageCopy } from "../server/http/page-micro-cache.mjs";
import { entryPointEnvOrExit } from "../server/env.mjs";
import { listenForExpiries } from "../server/http/expiry-channel.mjs";
import { applyPublicCachePolicy } from "../server/http/public-cache-policy.mjs";
import { withRequestOutcome } from "../server/http/request-outcome.mjs";
import { strictTransportSecurity } from "../server/http/transport-security.mjs";

// A bad setting stops the server here, named, before Next loads anything (server/env.mjs). The .env files are
// read first, as Next will read them, so the check and the app see the same values.
// FACTDESK_HOSTNAME, not HOSTNAME: shells and containers set that to the machine name.
nextEnv.loadEnvConfig(process.cwd(), false, { info() {}, error: console.error });
const { PORT: port, FACTDESK_HOSTNAME: hostname, NEXTAUTH_URL, DATABASE_URL, FACTDESK_EDGE_PURGE_URL } = entryPointEnvOrExit();
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
// In production behind https (NEXTAUTH_URL), every response tells browsers to use nothing else.
const hsts = strictTransportSecurity(NEXTAUTH_URL);

await app.prepare();
// On PostgreSQL, several instances may serve one database: hear their cache expiries (expiry-channel.mjs). The
// embedded database allows one process, so there is nobody to hear from.
if (DATABASE_URL) await listenForExpiries(DATABASE_URL);
const buildId = readFileSync(".next/BUILD_ID", "utf8").trim();
createServer((req, res) => {
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  // A reader page Next already had in its cache is replayed from memory, policy headers included.
  if (servePageCopy(req, res)) return;
  // Order matters: each layer wraps the one before, so Next writes to the CSP layer, which hands the finished
  // HTML to the cache policy, which hands the final answer to the page copy.
  // With a purgeable cache in front, public outputs may be kept there (the app purges them on every change).
  applyPublicCachePolicy(req, res, { buildId, edgeCache: Boolean(FACTDESK_EDGE_PURGE_URL) });
  hashInlineScriptsInto(req, res);
  // The request's outcome store: a public page the database outage broke is marked there (request-outcome.mjs).
  withRequestOutcome(() =>
    handle(req, res).catch((error) => {
      console.error("Unhandled error while serving", req.url, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
}).listen(port, () => console.log(`Factdesk ready on http://${hostname}:${port}`));
