import type { TestProject } from "vitest/node";
import { openPostgres } from "@/db/client";
import { createDatabase, dropDatabases, redact, testServerUrl } from "../../scripts/lib/postgres-admin.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** The fresh, migrated database of this run. */
    databaseUrl: string;
    /** Its name; extra per-file databases are named `<databaseName>_<suffix>` and dropped with it. */
    databaseName: string;
    /** Any database on the same server, for creating those extras. */
    serverUrl: string;
  }
}

/**
 * A fresh database per run, so tests never see (or damage) a developer's data and never depend on
 * what a previous run left behind. Migrated once here with the committed migrations, dropped at the end.
 */
export default async function setup(project: TestProject) {
  const serverUrl = testServerUrl();
  const databaseName = `factdesk_test_${Date.now()}_${process.pid}`;
  let databaseUrl: string;
  try {
    databaseUrl = await createDatabase(serverUrl, databaseName);
  } catch (error) {
    throw new Error(
      `Integration tests need a PostgreSQL server they may create databases on, tried ${redact(serverUrl)}: ` +
        `${error instanceof Error ? error.message : String(error)}. Start one, or set TEST_DATABASE_URL.`,
    );
  }
  try {
    const handle = await openPostgres(databaseUrl);
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await dropDatabases(serverUrl, databaseName);
    throw error;
  }
  project.provide("databaseUrl", databaseUrl);
  project.provide("databaseName", databaseName);
  project.provide("serverUrl", serverUrl);
  return async () => {
    await dropDatabases(serverUrl, databaseName);
  };
}
