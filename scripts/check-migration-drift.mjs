#!/usr/bin/env node
// `npm run db:check-drift`: fails when db/schema has changes that no committed migration captures.
// drizzle-kit generate runs against a throwaway copy of db/migrations in a temp folder, so the real
// folder is never written to, whatever happens (crash, Ctrl-C, a prompt). Needs no database.
// Exit codes: 0 match, 1 drift, 2 could not compare. `--migrations DIR` checks another folder (tests).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { migrations: { type: "string" } } });
const migrations = path.resolve(values.migrations ?? path.join(root, "db", "migrations"));
const drizzleKit = path.join(root, "node_modules", "drizzle-kit", "bin.cjs");

/** Every file under `dir` (relative path -> contents), so additions and edits both show up. */
function snapshot(dir) {
  const files = new Map();
  const walk = (sub) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = path.join(sub, name);
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else files.set(rel, readFileSync(path.join(dir, rel), "utf8"));
    }
  };
  walk("");
  return files;
}

const work = mkdtempSync(path.join(tmpdir(), "factdesk-drift-"));
let exitCode = 2;
try {
  const out = path.join(work, "migrations");
  cpSync(migrations, out, { recursive: true });
  const before = snapshot(out);
  const config = path.join(work, "drizzle.config.json");
  // drizzle-kit prefixes "./" to these, so they must be relative to its working directory: the repo root,
  // where the schema's `@/` imports resolve through tsconfig.json exactly as they do for db:generate.
  const relative = (file) => path.relative(root, file).split(path.sep).join("/");
  writeFileSync(config, JSON.stringify({ dialect: "postgresql", schema: "./db/schema/index.ts", out: relative(out) }));

  // stdin is closed: if drizzle-kit wanted to ask about a rename, that is drift too, and it must not hang.
  const result = spawnSync(process.execPath, [drizzleKit, "generate", "--config", config], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  const after = snapshot(out);
  const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file));
  // drizzle-kit exits 0 even when it crashes (e.g. a schema file that does not load), so "no drift"
  // needs its positive answer, not just an exit code and an unchanged folder.
  const noChanges = /No schema changes/.test(output);
  if (result.error || result.status !== 0 || (changed.length === 0 && !noChanges)) {
    console.error(`drizzle-kit generate failed (${result.error?.message ?? `exit code ${result.status}`}):\n${output}`);
    console.error("db/schema and db/migrations could not be compared; fix the error above.");
  } else if (changed.length > 0) {
    console.error("db/schema and db/migrations disagree: run npm run db:generate and commit the result.");
    console.error(`drizzle-kit would write: ${changed.join(", ")} (under ${path.relative(root, migrations) || "."})`);
    exitCode = 1;
  } else {
    console.log("migrations match the schema");
    exitCode = 0;
  }
} catch (error) {
  console.error(`Could not check for migration drift: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
