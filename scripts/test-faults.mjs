#!/usr/bin/env node
// `npm run test:faults [-- vitest args]`: the fault tests of issue 6 (tests/faults) against the real PostgreSQL
// and real production servers (scripts/serve.mjs on the production build): database outage (through the app and
// at the pool), SIGKILL during writes, lost updates. Prints each scenario's figures and "N passed, N failed".
//
// PostgreSQL: the server of TEST_DATABASE_URL or DATABASE_URL when set, else postgres://postgres@127.0.0.1:5432
// (trust auth); every scenario creates a fresh database there and drops it afterwards, pass or fail.
// Build: `next build` runs when .next/BUILD_ID is missing or older than the sources, or always with
// FACTDESK_FAULTS_BUILD=1 (FACTDESK_FAULTS_BUILD=0 never builds).
import { runChild } from "./lib/run-child.mjs";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, repoRoot } from "./lib/next-build.mjs";
import { dropDatabases, redact, testServerUrl } from "./lib/postgres-admin.mjs";
import { endRecordedProcessGroups } from "./lib/process-groups.mjs";

process.chdir(repoRoot);
const vitestCli = path.join("node_modules", "vitest", "vitest.mjs");

/**
 * Passed and failed tests from vitest's JSON report. A file that failed outside its tests (e.g. in beforeAll,
 * which leaves its tests unrun) counts as one failure; a file whose tests failed is counted through them.
 */
function summary(reportFile) {
  if (!existsSync(reportFile)) return undefined;
  try {
    const report = JSON.parse(readFileSync(reportFile, "utf8"));
    const brokenFiles = report.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
  } catch (error) {
    console.error(`faults: could not read ${reportFile}: ${error.message}`);
    return undefined;
  }
}

/**
 * Whatever an interrupted or crashed run left behind: vitest skips its teardown on SIGINT, and a scenario's
 * servers run in process groups of their own (so a terminal's Ctrl-C does not reach them). Normally nothing.
 */
async function cleanUpAfter(stateDir, runName) {
  for (const pid of endRecordedProcessGroups(stateDir)) console.error(`faults: ended server process group ${pid}, left running.`);
  const serverUrl = testServerUrl();
  try {
    for (const name of await dropDatabases(serverUrl, runName)) console.error(`faults: dropped database ${name}, left behind.`);
  } catch (error) {
    console.error(`faults: could not drop the databases of this run (${runName}_*) on ${redact(serverUrl)}: ${error.message}`);
  }
  rmSync(stateDir, { recursive: true, force: true }); // staged builds, figures, the report
}

async function main() {
  if (!buildIfNeeded({ label: "faults", forced: process.env.FACTDESK_FAULTS_BUILD })) return { code: 1 };
  // The run's name (prefix of its databases) and state folder (staged builds, process groups, figures) are
  // chosen here, so this process can clean up after vitest whatever happened to it.
  const runName = `factdesk_faults_${Date.now()}_${process.pid}`;
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "factdesk-faults-"));
  const reportFile = path.join(stateDir, "vitest-report.json");
  try {
    const args = [vitestCli, "run", "--config", "tests/faults/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...process.argv.slice(2)];
    const code = await runChild("faults", process.execPath, args, {
      env: { ...process.env, FAULTS_STATE_DIR: stateDir, FAULTS_RUN_NAME: runName, NEXT_TELEMETRY_DISABLED: "1" },
    });
    const figures = path.join(stateDir, "figures.txt");
    const lines = existsSync(figures) ? readFileSync(figures, "utf8").trim() : "";
    return { code, lines, counts: summary(reportFile) };
  } finally {
    await cleanUpAfter(stateDir, runName);
  }
}

const { code, lines, counts = { passed: 0, failed: 0 } } = await main();
// vitest failing outside any test (the build, global set-up, an interruption) is a failure too.
const failed = code !== 0 && counts.failed === 0 ? 1 : counts.failed;
if (lines) console.log(`\n${lines}`);
console.log(`${counts.passed} passed, ${failed} failed`);
process.exit(code || (failed ? 1 : 0));
