// The production build: `npm start` (start.mjs) and the test runners (run-e2e.mjs, test-faults.mjs) build when
// .next/BUILD_ID is missing or older than the sources; the runners then stage a private copy to serve from.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const nextBin = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");

/** What `next build` reads: a change in any of these makes the build stale. */
const BUILD_SOURCES = ["app", "components", "server", "lib", "db", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Whether .next holds no build, or one older than the newest source file. */
function buildIsStale(root = repoRoot) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return !existsSync(buildId) || Math.max(...BUILD_SOURCES.map((entry) => newestMtime(path.join(root, entry)))) > statSync(buildId).mtimeMs;
}

/**
 * Runs `next build` when the build is stale. `forced` is the runner's override: "1" always builds, "0" never.
 * `env` is the build's environment (default: this process's). Returns false when the build failed (it printed why).
 */
export function buildIfNeeded({ label, forced, root = repoRoot, env = process.env }) {
  if (forced === "0") return true;
  if (forced !== "1" && !buildIsStale(root)) {
    console.log(`${label}: reusing the production build in .next (sources unchanged since it).`);
    return true;
  }
  console.log(`${label}: building the app for production (no build yet, or the sources changed since it; about a minute)…`);
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) {
    console.error(`${label}: next build failed (see above); stopping.`);
    return false;
  }
  return true;
}

/**
 * A server under test runs from a private copy of the build: the repository's files are symlinked, `.next`
 * is copied without what servers write into it at run time. Next keeps its data cache (unstable_cache) in
 * .next/cache and pages it rendered in .next/server/route-cache, shared by every server started from the
 * same folder: another server (an `npm start` on another database) would otherwise feed this one its pages
 * (it did: a claim from another database showed on the demo article), and a rebuild in the work tree would
 * swap the code mid-run. Returns the staged folder (`<tempRoot>/server`), to use as the server's cwd.
 */
export function stageServer(tempRoot, root = repoRoot) {
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
