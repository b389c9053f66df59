/**
 * `npm run seed:scale -- --articles 100000 --claims 1000000 --sources 200000`: fills the PostgreSQL database
 * at DATABASE_URL (migrated first; it must hold no articles, claims or sources yet) with generated newsroom
 * data for load tests and the EXPLAIN test (scripts/lib/scale-seed.ts says what and how). Prints progress.
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { serverEnv } from "@/server/env.mjs";
import { seedScale } from "./lib/scale-seed";

const USAGE = "Usage: DATABASE_URL=postgres://… npm run seed:scale -- --articles N --claims N --sources N";

function size(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1 || n > 50_000_000) throw new Error(`${flag} wants a whole number from 1 to 50000000, got ${JSON.stringify(value)}.\n${USAGE}`);
  return n;
}

async function main() {
  const { values } = parseArgs({ options: { articles: { type: "string" }, claims: { type: "string" }, sources: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) return console.log(USAGE);
  const sizes = { articles: size(values.articles, "--articles", 1000), claims: size(values.claims, "--claims", 10_000), sources: size(values.sources, "--sources", 2000) };
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error(`seed:scale needs PostgreSQL: set DATABASE_URL (the embedded database is not for a million claims).\n${USAGE}`);
  const handle = await openPostgres(url);
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const started = Date.now();
  try {
    console.log(`seed:scale: ${sizes.articles} articles, ${sizes.claims} claims, ${sizes.sources} sources`);
    await seedScale(sql, sizes, (line) => console.log(`seed:scale: ${line}`));
    console.log(`seed:scale: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(`seed:scale: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
