/**
 * `npm run bench:reader`: how fast the cached reader page is compared with a static file of the same
 * size served by the same server. Prints `bench: name value` lines; asserts nothing (speed targets live
 * here, never in tests). Uses its own embedded database in a temp folder and port 3400.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openPglite } from "@/db/client";
import { prepareDatabase } from "@/server/startup/prepare-database";
import { getArticleBySlug } from "@/server/services/article/get-article-by-slug";
import { seedCheckedArticle } from "./bench/seed-checked-article";
import { START_NODE_FLAGS } from "./bench/start-flags";
import { DEMO } from "../test-support/demo";
import { waitFor } from "../test-support/wait";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const origin = `http://localhost:${PORT}`;
const staticFile = path.join("public", "__bench-static-reader.html");

async function prepareData(dataDir: string): Promise<number> {
  const handle = await openPglite(path.join(dataDir, "pglite"));
  try {
    await prepareDatabase(handle, { FACTDESK_SKIP_DEMO: false }, () => {}); // the demo article is what it measures
    const article = await getArticleBySlug({ db: handle.db, actor: { kind: "system", label: "bench" } }, DEMO.slug);
    return await seedCheckedArticle(handle.db, article.id, 12);
  } finally {
    await handle.close();
  }
}

async function load(url: string) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up, not measured
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.average / Math.max(1, result.requests.average) };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-bench-"));
  const createdPublic = !existsSync("public");
  mkdirSync("public", { recursive: true });
  // The file must exist when the server starts (it lists public/ once); its content is written later.
  writeFileSync(staticFile, "");
  const published = await prepareData(dataDir);
  const server = spawn(process.execPath, [...START_NODE_FLAGS, "scripts/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), FACTDESK_DATA_DIR: dataDir, NEXTAUTH_URL: origin, ADMIN_PASSWORD: "bench admin password" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const readerUrl = `${origin}/a/${DEMO.slug}`;
    await waitFor(() => fetch(readerUrl).then((r) => r.ok, () => false), { timeoutMs: 180_000, intervalMs: 250, what: `the reader page at ${readerUrl}` });
    const html = await (await fetch(readerUrl)).text();
    writeFileSync(staticFile, html);
    const reader = await load(readerUrl);
    const plain = await load(`${origin}/${path.basename(staticFile)}`);
    console.log(`bench: published_claims ${published}`);
    console.log(`bench: page_bytes ${html.length}`);
    console.log(`bench: connections ${CONNECTIONS}`);
    console.log(`bench: reader_rps ${reader.rps.toFixed(0)}`);
    console.log(`bench: static_rps ${plain.rps.toFixed(0)}`);
    console.log(`bench: reader_vs_static ${(reader.rps / plain.rps).toFixed(2)}`);
    console.log(`bench: reader_p99_ms ${reader.p99}`);
    console.log(`bench: static_p99_ms ${plain.p99}`);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(staticFile, { force: true });
    if (createdPublic) rmSync("public", { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
