/**
 * `npm run bench:embedded`: the embedded default (no DATABASE_URL) under load, as `npm start` runs it: what one
 * instance costs in memory (issue 14: under 400 MB resident, launcher included) and serves. Starts
 * scripts/start.mjs on a fresh embedded database holding the demo article with checked claims, signs in as the
 * first admin, and drives autocannon at the reader page, the home page, the embed card and two signed-in tRPC
 * procedures. Prints `bench: <name> <value> <unit>` lines, the resident size sampled through the whole run
 * (peak) and after it; asserts nothing. Needs a production build (`npm run build`). Not part of `npm test`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openPglite } from "@/db/client";
import { getArticleBySlug } from "@/server/services/article/get-article-by-slug";
import { prepareDatabase } from "@/server/startup/prepare-database";
import { sampleRss, treeRssMb } from "./bench/process-memory";
import { seedCheckedArticle } from "./bench/seed-checked-article";
import { signIn } from "./bench/sign-in";
import { START_NODE_FLAGS } from "./bench/start-flags";
import { DEMO } from "../test-support/demo";
import { waitFor } from "../test-support/wait";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const origin = `http://localhost:${PORT}`;
const admin = { email: "bench-admin@factdesk.test", password: randomBytes(18).toString("base64url") };

function line(name: string, value: number, unit = "") {
  console.log(`bench: ${name} ${Number.isInteger(value) ? value : value.toFixed(2)}${unit ? ` ${unit}` : ""}`);
}

/** The demo article with checked claims, as bench:reader measures it; returns its id. */
async function prepareData(dataDir: string): Promise<number> {
  const handle = await openPglite(path.join(dataDir, "pglite"));
  try {
    await prepareDatabase(handle, { FACTDESK_SKIP_DEMO: false, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password }, () => {});
    const article = await getArticleBySlug({ db: handle.db, actor: { kind: "system", label: "bench" } }, DEMO.slug);
    await seedCheckedArticle(handle.db, article.id, 12);
    return article.id;
  } finally {
    await handle.close();
  }
}

async function load(name: string, path: string, headers: Record<string, string> = {}) {
  const requests = [{ method: "GET" as const, path, headers }];
  await autocannon({ url: origin, connections: CONNECTIONS, duration: 2, requests }); // warm-up, not measured
  const result = await autocannon({ url: origin, connections: CONNECTIONS, duration: DURATION, requests });
  line(`embedded_${name}_rps`, result.requests.average, "req/s");
  line(`embedded_${name}_p99`, result.latency.p99, "ms");
  line(`embedded_${name}_errors`, result.errors + result.non2xx + result.timeouts, "requests");
}

const trpcGet = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("npm run bench:embedded needs a production build: run `npm run build` first.");
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-bench-embedded-"));
  const articleId = await prepareData(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), FACTDESK_DATA_DIR: dataDir, NEXTAUTH_URL: origin };
  delete env.DATABASE_URL; // the embedded default is what this measures
  // In a process group of its own, so the whole instance (launcher and server) is stopped at the end.
  const server = spawn(process.execPath, [...START_NODE_FLAGS, "scripts/start.mjs"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  try {
    const readerPath = `/a/${DEMO.slug}`;
    await waitFor(() => fetch(`${origin}${readerPath}`).then((r) => r.ok, () => false), { timeoutMs: 180_000, intervalMs: 250, what: `the reader page at ${origin}${readerPath}` });
    line("embedded_rss_started", Math.round(treeRssMb(server.pid!)), "MB");
    const rss = sampleRss(server.pid!);
    const cookie = await signIn(origin, admin.email, admin.password);
    await load("reader", readerPath);
    await load("home", "/");
    await load("embed_card", `/embed/${DEMO.slug}`);
    await load("workspace", trpcGet("claim.workspace", { articleId }), { cookie });
    await load("search", trpcGet("search.query", { q: "Lavrov" }), { cookie });
    const { peakMb, lastMb } = rss.stop();
    line("embedded_rss", Math.round(lastMb), "MB");
    line("embedded_rss_peak", Math.round(peakMb), "MB");
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
