#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: end-to-end tests against the production build on a FRESH
// PostgreSQL database that is created for this run and dropped afterwards, pass or fail.
//
// PostgreSQL: the server of TEST_DATABASE_URL or DATABASE_URL when set (a fresh database is still created
// there; the named one is only used to connect), else postgres://postgres@127.0.0.1:5432/postgres (trust auth).
// Build: `next build` runs when .next/BUILD_ID is missing or older than the sources, or always with
// FACTDESK_E2E_BUILD=1 (FACTDESK_E2E_BUILD=0 never builds).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const SOURCES = ["app", "components", "server", "lib", "db", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
const playwrightCli = path.join("node_modules", "@playwright", "test", "cli.js");

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIfNeeded() {
  const buildId = path.join(".next", "BUILD_ID");
  const forced = process.env.FACTDESK_E2E_BUILD;
  if (forced === "0") return;
  const stale = forced === "1" || !existsSync(buildId) || Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
  if (!stale) {
    console.log("e2e: reusing the production build in .next (sources unchanged since it).");
    return;
  }
  console.log("e2e: building the app for production (next build)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) {
    console.error("e2e: next build failed; no tests were run.");
    process.exit(build.status ?? 1);
  }
}

/**
 * The server under test runs from a private copy of the build: the repository's files are symlinked, `.next`
 * is copied without what servers write into it at run time. Next keeps its data cache (unstable_cache) in
 * .next/cache and pages it rendered in .next/server/route-cache, shared by every server started from the
 * same folder: another server (an `npm start` on another database) would otherwise feed this one its pages
 * (it did: a claim from another database showed on the demo article), and a rebuild in the work tree would
 * swap the code mid-run.
 */
function stageServer(tempRoot) {
  const stage = path.join(tempRoot, "server");
  mkdirSync(stage);
  const notLinked = new Set([".next", ".git", ".data", "test-results", "playwright-report", "blob-report"]);
  for (const name of readdirSync(root)) {
    if (!notLinked.has(name)) symlinkSync(path.join(root, name), path.join(stage, name));
  }
  const buildDir = path.join(root, ".next");
  // Not the build: the data cache, the pages rendered at run time (route-cache), dev and tracing output.
  const notCopied = new Set(["cache", "dev", "trace", "trace-build", "diagnostics", "types", path.join("server", "route-cache")]);
  cpSync(buildDir, path.join(stage, ".next"), {
    recursive: true,
    verbatimSymlinks: true, // .next/node_modules links point at ../../node_modules, which the stage has too
    filter: (source) => {
      const [first, second] = path.relative(buildDir, source).split(path.sep);
      return !notCopied.has(first) && !notCopied.has(path.join(first, second ?? ""));
    },
  });
  return stage;
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const databaseName = `factdesk_e2e_${Date.now().toString(36)}_${process.pid}`;
const databaseUrl = withDatabase(serverUrl, databaseName);

async function adminSql(statement) {
  const sql = postgres(serverUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

let tempRoot;
let dropped = false;
async function cleanUp() {
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
  if (dropped) return;
  dropped = true;
  try {
    // FORCE: a server that did not shut down cleanly may still hold connections.
    await adminSql(`drop database if exists "${databaseName}" with (force)`);
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
  buildIfNeeded();
  try {
    await adminSql(`create database "${databaseName}"`);
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

  const child = spawn(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], { stdio: "inherit", env });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const code = await new Promise((resolve) => {
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.on("error", (error) => {
      console.error(`e2e: could not start Playwright: ${error.message}`);
      resolve(1);
    });
  });
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
