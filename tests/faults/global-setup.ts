import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../../scripts/lib/next-build.mjs";
import { endRecordedProcessGroups } from "../../scripts/lib/process-groups.mjs";
import { dropDatabases, redact, testServerUrl } from "../../scripts/lib/postgres-admin.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** The real PostgreSQL server the scenarios create their databases on (any database on it). */
    faultsServerUrl: string;
    /** Prefix of every database this run creates (`<name>_<scenario>`), all dropped at the end. */
    faultsRunName: string;
    /** Where servers record their process group ids (for the teardown), builds are staged and scenarios write their figures. */
    faultsStateDir: string;
  }
}

/**
 * Checks that the production build and PostgreSQL are there (scripts/test-faults.mjs builds when stale), and
 * cleans up after the run whatever the scenarios left: server process groups, databases, staged builds.
 * When vitest is interrupted (SIGINT) this teardown does not run: scripts/test-faults.mjs, which chose the run
 * name and the state folder, then cleans up the same way after vitest exits.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run the fault tests with `npm run test:faults`, which builds when needed.");
  }
  const serverUrl = testServerUrl();
  const probe = postgres(serverUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await probe`select 1`;
  } catch (error) {
    throw new Error(`The fault tests need a PostgreSQL server they may create databases on, tried ${redact(serverUrl)}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await probe.end({ timeout: 5 });
  }
  const runName = process.env.FAULTS_RUN_NAME || `factdesk_faults_${Date.now()}_${process.pid}`;
  const ownStateDir = !process.env.FAULTS_STATE_DIR;
  const stateDir = process.env.FAULTS_STATE_DIR || mkdtempSync(path.join(os.tmpdir(), "factdesk-faults-state-"));
  project.provide("faultsServerUrl", serverUrl);
  project.provide("faultsRunName", runName);
  project.provide("faultsStateDir", stateDir);
  return async () => {
    for (const pid of endRecordedProcessGroups(stateDir)) console.error(`faults: ended process group ${pid}, left running by a scenario.`);
    await dropDatabases(serverUrl, runName);
    if (ownStateDir) rmSync(stateDir, { recursive: true, force: true });
  };
}
