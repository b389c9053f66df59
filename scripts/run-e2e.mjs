#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: end-to-end tests against the production build on a FRESH
// PostgreSQL database that is created for this run and dropped afterwards, pass or fail.
//
// PostgreSQL: the server of TEST_DATABASE_URL or DATABASE_URL when set (a fresh database is still created
// there; the named one is only used to connect), else postgres://postgres@127.0.0.1:5432/postgres (trust auth).
// Build: `next build` runs when .next/BUILD_ID is missing or older than the sources, or always with
// FACTDESK_E2E_BUILD=1 (FACTDESK_E2E_BUILD=0 never builds).
import { runChild } from "./lib/run-child.mjs";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, repoRoot, stageServer } from "./lib/next-build.mjs";
import { createDatabase, dropDatabases, redact, testServerUrl } from "./lib/postgres-admin.mjs";

process.chdir(repoRoot);

const playwrightCli = path.join("node_modules", "@playwright", "test", "cli.js");

const serverUrl = testServerUrl();
const databaseName = `factdesk_e2e_${Date.now().toString(36)}_${process.pid}`;
let databaseUrl;

let tempRoot;
let dropped = false;
async function cleanUp() {
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
  if (dropped) return;
  dropped = true;
  try {
    await dropDatabases(serverUrl, databaseName);
    console.log(`e2e: dropped database ${databaseName}.`);
  } catch (error) {
    console.error(`e2e: could not drop database ${databaseName}: ${error.message}`);
  }
}

// Playwright's JSON report (playwright.config.ts), read for a plain "N passed, N failed" closing line.
const report = path.join("test-results", "e2e-results.json");

function printSummary() {
  if (!existsSync(report)) return;
  try {
    const { stats } = JSON.parse(readFileSync(report, "utf8"));
    const passed = stats.expected + stats.flaky;
    const failed = stats.unexpected;
    console.log(`e2e: ${passed} passed, ${failed} failed${stats.skipped ? `, ${stats.skipped} skipped` : ""}`);
  } catch (error) {
    console.error(`e2e: could not read ${report}: ${error.message}`);
  }
}

async function main() {
  if (!buildIfNeeded({ label: "e2e", forced: process.env.FACTDESK_E2E_BUILD })) process.exit(1);
  try {
    databaseUrl = await createDatabase(serverUrl, databaseName);
  } catch (error) {
    console.error(`e2e: cannot create a database on ${redact(serverUrl)}: ${error.message}`);
    console.error("e2e: start PostgreSQL (e.g. `pg_ctlcluster 15 main start`) or set TEST_DATABASE_URL to a server where you may create databases.");
    return 1;
  }
  console.log(`e2e: created fresh database ${databaseName} on ${redact(serverUrl)}.`);
  tempRoot = mkdtempSync(path.join(os.tmpdir(), "factdesk-e2e-"));
  const serverDir = stageServer(tempRoot);
  const dataDir = path.join(tempRoot, "data");

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ADMIN_EMAIL: "first-admin@e2e.factdesk.test",
    ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
    FACTDESK_DATA_DIR: dataDir,
    E2E_SERVER_DIR: serverDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.TEST_DATABASE_URL;
  rmSync(report, { force: true });

  const code = await runChild("e2e", process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], { env });
  printSummary();
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} finally {
  await cleanUp();
}
process.exit(exitCode);
