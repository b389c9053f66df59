import { mkdirSync } from "node:fs";
import path from "node:path";
import { serverEnv } from "@/server/env.mjs";
import * as schema from "./schema";
import type { Database } from "./types";
import { acquireEmbeddedLock } from "./embedded-lock";

export type DriverKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DriverKind;
  /** Applies the committed migrations in db/migrations (idempotent). */
  migrate(): Promise<void>;
  /**
   * Runs start-up work (migrations, the demo article, the first admin) holding the database's start-up lock, so
   * instances starting together on one database take turns instead of racing (two did deadlock).
   */
  whileStartingUp<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** How the job queue (pg-boss) reaches the same database: its own pool on PostgreSQL, the one PGlite otherwise. */
  queueDatabase: QueueDatabase;
}

/** pg-boss takes a connection string, or an object running one SQL text (possibly several statements). */
export type QueueDatabase = { connectionString: string } | { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export function dataDirectory(): string {
  // turbopackIgnore: the data folder is chosen at run time and must not be traced into the build.
  return path.resolve(/*turbopackIgnore: true*/ serverEnv().FACTDESK_DATA_DIR);
}

/** The advisory lock instances take turns on at start-up (any constant; "factdesk" as a number). */
const STARTUP_LOCK = 0x66616374;

const migrationsFolder = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * How the pool behaves when PostgreSQL goes away and comes back (tests/faults/database-outage.test.ts): requests
 * fail within seconds while it is down, and the pool reconnects by itself when it returns, without a restart.
 * A connection whose socket closes is dropped from the pool at once and reopened on the next query.
 */
const POOL_RESILIENCE = {
  // An unreachable server (packets dropped, no refusal) fails the connection attempt after 5 s, not 30.
  connect_timeout: 5,
  // postgres.js waits before reopening a connection that failed, longer after each failure in a row: by
  // default up to 20 s (3^n/100 s), a wait that connect_timeout does not bound. Ten seconds of outage were
  // enough to reach it, so requests hung for up to 20 s and recovery took as long. Keep the wait short:
  // a request then fails fast while the database is down, and the pool is back within a second of it.
  backoff: (failuresInARow: number) => Math.min(0.05 * failuresInARow, 0.5),
  // Idle connections are closed after 30 s and every connection is replaced after 15 min: one that died
  // silently (no FIN or RST ever arrived, e.g. a firewall or NAT dropped it) is not kept for the next request.
  idle_timeout: 30,
  max_lifetime: 15 * 60,
  connection: { application_name: paddedApplicationName("factdesk") },
} as const;

/**
 * Works around a postgres.js 3.4.9 bug (porsager/postgres#1208, #1154; fixes not released yet): when a connection
 * dies while a small write is queued, e.g. the ROLLBACK of a transaction cut off by an outage, the connection
 * keeps that stale write and a stale timer, and on reconnecting never sends its startup message: every reconnect
 * of that pooled connection then hangs until connect_timeout and fails, for a minute or more after the database
 * is back (tests/faults/database-outage.test.ts caught requests failing after 5 s once it had recovered). Writes of 1 KB
 * or more are sent at once and reset that state, so a startup message of 1 KB or more heals such a connection on
 * its next connect: the server refuses the stale bytes, and postgres.js reconnects the waiting query cleanly.
 * application_name is the one free-text startup parameter PgBouncer passes on; PostgreSQL keeps its first 63
 * characters ("factdesk" and spaces). Not covered: SSL connections (their first write, SSLRequest, is small).
 * tests/faults/pool-recovery.test.ts checks it. Remove once postgres.js ships the fix.
 */
function paddedApplicationName(name: string): string {
  return name.padEnd(1100, " ");
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, {
    max: serverEnv().DATABASE_POOL_SIZE,
    onnotice: () => {},
    ...POOL_RESILIENCE,
  });
  const db = drizzle({ client, schema });
  return {
    db,
    kind: "postgres",
    queueDatabase: { connectionString: url },
    migrate: () => migrate(db, { migrationsFolder: migrationsFolder() }),
    async whileStartingUp(work) {
      // A session lock on a connection of its own, while the work runs on the pool; gone with the connection if it dies.
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${STARTUP_LOCK})`;
        return await work();
      } finally {
        await lock`select pg_advisory_unlock(${STARTUP_LOCK})`.catch(() => {});
        lock.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * pg-boss on PGlite's one connection. pg-boss sends parameterless text that may hold several statements (its
 * schema migrations and maintenance run as `BEGIN; …; COMMIT;`), which PGlite runs only through `exec`; a query
 * with parameters is always one statement (`query`). PGlite runs one call at a time, so a multi-statement text is
 * never interleaved with a drizzle transaction. If a statement fails inside such a text, the connection would stay
 * in the aborted transaction and refuse every later query of the app: roll it back first.
 */
function pgliteExecutor(client: import("@electric-sql/pglite").PGlite) {
  return async (text: string, values?: unknown[]) => {
    if (values && values.length > 0) return client.query(text, values);
    try {
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    } catch (error) {
      await client.exec("ROLLBACK").catch(() => {});
      throw error;
    }
  };
}

/**
 * PostgreSQL settings of the embedded database, after PGlite's own. Its buffer pool lives in the WebAssembly memory,
 * which never shrinks once grown: with the default 128 MB pool an opened PGlite was 294 MB resident, with 16 MB 176 MB.
 * 16 MB holds the demo and a small newsroom's hot pages; a page read past it comes from the operating system's
 * file cache (docs/decisions/0039-server-memory.md).
 */
const EMBEDDED_SETTINGS = ["-c", "shared_buffers=16MB"];

/** `dataDir` undefined means an in-memory instance (tests). */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  // Search uses trigrams (migration 0007_pg_trgm creates the extension); PGlite ships pg_trgm but loads it only when asked.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireEmbeddedLock(path.join(dataDir, "..", `${path.basename(dataDir)}.lock`), dataDir);
  }
  let client;
  try {
    client = new PGlite({ dataDir, extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS] });
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema });
  return {
    db,
    kind: "pglite",
    queueDatabase: { executeSql: pgliteExecutor(client) },
    migrate: () => migrate(db, { migrationsFolder: migrationsFolder() }),
    // One process per data folder (the embedded lock): nobody to take turns with.
    whileStartingUp: (work) => work(),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** The configured database: postgres.js when DATABASE_URL is set, otherwise embedded PGlite in the data folder. */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = serverEnv().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(path.join(dataDirectory(), "pglite"));
}
