/**
 * `npm run bench:claim-memory`: how long claim memory (server/services/claim-memory/remember-claims.ts) takes on
 * the seed article once its claims are published: the demo text imported again as a second article, every sentence
 * matched against the published claims. Prints `bench: name value` lines; asserts nothing. Embedded database in a
 * temp folder. This figure decided whether matching runs after the import's commit or on the job queue (decision 0032).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openPglite } from "@/db/client";
import { prepareDatabase } from "@/server/startup/prepare-database";
import { getArticleBySlug } from "@/server/services/article/get-article-by-slug";
import { importArticle } from "@/server/services/article/import-article";
import { rememberClaims } from "@/server/services/claim-memory/remember-claims";
import { seedCheckedArticle } from "./bench/seed-checked-article";
import { DEMO } from "../test-support/demo";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-bench-memory-"));
  const handle = await openPglite(path.join(dataDir, "pglite"));
  try {
    const system = { kind: "system", label: "bench" } as const;
    await prepareDatabase(handle, { FACTDESK_SKIP_DEMO: false }, () => {});
    const seed = await getArticleBySlug({ db: handle.db, actor: system }, DEMO.slug);
    const published = await seedCheckedArticle(handle.db, seed.id, 12);
    const text = readFileSync(path.join("data", "demo", "seed-article.txt"), "utf8");
    const copy = await importArticle({ db: handle.db, actor: system }, { title: "Seed again", slug: "seed-again", text });
    const timings: number[] = [];
    let result = { sentences: 0, suggestions: 0 };
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      result = await rememberClaims(handle.db, copy.id);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    console.log(`bench: claim_memory_published_claims ${published}`);
    console.log(`bench: claim_memory_sentences ${result.sentences}`);
    console.log(`bench: claim_memory_suggestions ${result.suggestions}`);
    console.log(`bench: claim_memory_median_ms ${timings[Math.floor(timings.length / 2)]!.toFixed(0)}`);
    console.log(`bench: claim_memory_max_ms ${timings.at(-1)!.toFixed(0)}`);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
