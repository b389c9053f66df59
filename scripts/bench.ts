/**
 * `npm run bench` (README, "Running at scale"): load figures of one production instance on a database filled by
 * `npm run seed:scale` (DATABASE_URL; at least 1M claims for the issue's figures), next to the physical ceiling
 * of this machine: a plain node:http server returning the same bytes as the reader page, and a static file
 * served by Next, and the public outputs again through Varnish in front (deploy/varnish, purged by the app). Prints one `bench: <name> <value> <unit>` line per figure and asserts nothing (targets are in
 * the README). Needs a production build (`npm run build`). Not part of `npm test`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { serverEnv } from "@/server/env.mjs";
import { SCALE_PASSWORD } from "./lib/scale-seed";
import { sampleRss } from "./bench/process-memory";
import { signIn } from "./bench/sign-in";
import { START_NODE_FLAGS } from "./bench/start-flags";
import { startVarnish } from "../test-support/varnish";
import { waitFor } from "../test-support/wait";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const EDITOR_CONNECTIONS = Number(process.env.BENCH_EDITOR_CONNECTIONS ?? 4);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const origin = `http://localhost:${PORT}`;
const ceilingPort = PORT + 1;
const varnishPort = PORT + 2;
const staticFile = path.join("public", "__bench-static.html");
// BENCH_ONLY=search,workspace: only the loads whose names start with one of these (the ceiling and ratios need theirs).
const only = (process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const selected = (name: string) => only.length === 0 || only.some((prefix) => name.startsWith(prefix));

type Request = autocannon.Request;

function line(name: string, value: number, unit = "") {
  if (Number.isNaN(value)) return; // a load BENCH_ONLY left out, or a ratio of one
  console.log(`bench: ${name} ${Number.isInteger(value) ? value : value.toFixed(2)}${unit ? ` ${unit}` : ""}`);
}

async function load(name: string, url: string, requests?: Request[], connections = CONNECTIONS) {
  if (!selected(name)) return NaN;
  await autocannon({ url, connections, duration: 2, requests }); // warm-up, not measured
  const result = await autocannon({ url, connections, duration: DURATION, requests });
  line(`${name}_rps`, result.requests.average, "req/s");
  line(`${name}_p50`, result.latency.p50, "ms");
  line(`${name}_p97_5`, result.latency.p97_5, "ms");
  line(`${name}_p99`, result.latency.p99, "ms");
  line(`${name}_errors`, result.errors + result.non2xx + result.timeouts, "requests");
  return result.requests.average;
}

const trpcGet = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function main() {
  const databaseUrl = serverEnv().DATABASE_URL;
  if (!databaseUrl) throw new Error("npm run bench needs DATABASE_URL: a database filled by `npm run seed:scale`.");
  if (!existsSync(".next/BUILD_ID")) throw new Error("npm run bench needs a production build: run `npm run build` first.");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [article] = await sql<{ id: number; slug: string }[]>`
    select a.id, a.slug from articles a where a.status = 'published'
      and exists (select 1 from claims c where c.article_id = a.id and c.status = 'published') order by a.id desc limit 1`;
  const [editor] = await sql<{ email: string }[]>`select email from users where role = 'editor' and email like 'scale-%' order by id limit 1`;
  const [source] = await sql<{ title: string }[]>`select title from sources where title is not null order by id limit 1`;
  // A person's name, as people search (the least frequent one: the generator's common names match a tenth of all
  // texts, and ranking that many is the slowest path, README "Running at scale").
  const [person] = await sql<{ speaker: string }[]>`select speaker from claims where status = 'published' and speaker is not null group by speaker order by count(*), speaker limit 1`;
  const editable = await sql<{ id: number }[]>`select id from claims where status = 'unchecked' and version = 1 and deleted_at is null order by id desc limit 50000`;
  const [{ n: claimCount } = { n: 0 }] = await sql<{ n: number }[]>`select reltuples::bigint as n from pg_class where relname = 'claims'`;
  await sql.end();
  if (!article || !editor || !source || !person) throw new Error("The database has no generated data: run `npm run seed:scale` on it first.");
  line("claims_in_database", Number(claimCount), "rows (estimate)");

  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-bench-"));
  mkdirSync("public", { recursive: true });
  writeFileSync(staticFile, ""); // must exist when Next starts (it lists public/ once); filled below
  const server = spawn(process.execPath, [...START_NODE_FLAGS, "scripts/serve.mjs"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: databaseUrl, FACTDESK_DATA_DIR: dataDir, NEXTAUTH_URL: origin, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_MANUAL_SIG_HANDLE: "true", FACTDESK_EDGE_PURGE_URL: `http://127.0.0.1:${varnishPort}/` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let ceiling: ReturnType<typeof spawn> | undefined;
  let varnish: Awaited<ReturnType<typeof startVarnish>> | undefined;
  try {
    const readerUrl = `${origin}/a/${article.slug}`;
    await waitFor(() => fetch(readerUrl).then((r) => r.ok, () => false), { timeoutMs: 180_000, intervalMs: 250, what: `the reader page at ${readerUrl}` });
    const reader = await fetch(readerUrl);
    const bytes = Buffer.from(await reader.arrayBuffer());
    writeFileSync(staticFile, bytes);
    const contentType = reader.headers.get("content-type") ?? "text/html; charset=utf-8";
    // The ceiling in a process of its own, as the app is: in this one it would compete with autocannon.
    const bodyFile = path.join(dataDir, "reader-page.html");
    writeFileSync(bodyFile, bytes);
    const ceilingServer = `const body = require("node:fs").readFileSync(${JSON.stringify(bodyFile)});
      require("node:http").createServer((req, res) => { res.writeHead(200, { "content-type": ${JSON.stringify(contentType)}, "content-length": body.length }); res.end(body); }).listen(${ceilingPort});`;
    ceiling = spawn(process.execPath, ["-e", ceilingServer], { stdio: ["ignore", "ignore", "inherit"] });
    await waitFor(() => fetch(`http://localhost:${ceilingPort}/`).then((r) => r.ok, () => false), { timeoutMs: 30_000, what: "the node:http ceiling" });
    line("reader_page_bytes", bytes.length, "bytes");
    const rss = sampleRss(server.pid!); // from the first page on, through every load

    const nodeHttp = await load("node_http_same_bytes", `http://localhost:${ceilingPort}/`);
    const staticNext = await load("static_next", `${origin}/${path.basename(staticFile)}`);
    const readerRps = await load("reader", readerUrl);
    const outputs = { home: "/", embed_card: `/embed/${article.slug}`, svg_badge: `/embed/${article.slug}.svg`, annotation_export: `/api/articles/${article.slug}/annotations` };
    const outputRps: Record<string, number> = {};
    for (const [name, url] of Object.entries(outputs)) outputRps[name] = await load(name, `${origin}${url}`);
    // The same outputs through the edge cache in front (Varnish with xkey): what readers get at scale.
    const cachedRps: Record<string, number> = {};
    const cachedOutputs = Object.entries({ reader: `/a/${article.slug}`, ...outputs }).filter(([name]) => selected(`${name}_cached`));
    if (cachedOutputs.length > 0) varnish = await startVarnish(varnishPort, [PORT]);
    for (const [name, url] of cachedOutputs) cachedRps[name] = await load(`${name}_cached`, `${varnish!.origin}${url}`);

    const cookie = await signIn(origin, editor.email, SCALE_PASSWORD);
    const asEditor = (p: string): Request[] => [{ method: "GET", path: p, headers: { cookie } }];
    // Each claim update edits another unchecked claim (version 1), so none is refused as a stale version.
    let next = 0;
    const editorLoads: [string, Request[]][] = [
      ["workspace", asEditor(trpcGet("claim.workspace", { articleId: article.id }))],
      ["source_search", asEditor(trpcGet("source.search", { query: source.title }))],
      ["search", asEditor(trpcGet("search.query", { q: person.speaker }))],
      [
        "claim_update",
        [
          {
            method: "POST",
            path: "/api/trpc/claim.update",
            headers: { cookie, "content-type": "application/json" },
            setupRequest: (request) => ({ ...request, body: JSON.stringify({ claimId: editable[next++ % editable.length]!.id, version: 1, summary: `Benchmark edit ${next}` }) }),
          },
        ],
      ],
    ];
    // At the readers' 32 connections, and at a newsroom's editors at work (BENCH_EDITOR_CONNECTIONS, default 4):
    // editors are a few dozen people, each waiting for one answer at a time.
    for (const [name, requests] of editorLoads) await load(name, origin, requests);
    for (const [name, requests] of editorLoads) await load(`${name}_${EDITOR_CONNECTIONS}c`, origin, requests, EDITOR_CONNECTIONS);
    const { peakMb, lastMb } = rss.stop();
    line("server_rss", Math.round(lastMb), "MB");
    line("server_rss_peak", Math.round(peakMb), "MB");

    line("reader_vs_static", readerRps / staticNext);
    line("reader_vs_node_http", readerRps / nodeHttp);
    for (const [name, rps] of Object.entries(outputRps)) line(`${name}_vs_node_http`, rps / nodeHttp);
    // The issue's floor for outputs straight from the app: none below half a static file served by Next.
    for (const [name, rps] of Object.entries(outputRps)) line(`${name}_vs_static`, rps / staticNext);
    for (const [name, rps] of Object.entries(cachedRps)) line(`${name}_cached_vs_node_http`, rps / nodeHttp);
  } finally {
    ceiling?.kill();
    await varnish?.stop();
    server.kill("SIGTERM");
    rmSync(staticFile, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
