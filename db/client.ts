import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import type { Database } from "./types";
import { acquireEmbeddedLock } from "./embedded-lock";

export type DriverKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DriverKind;
  /** Applies the committed migrations in db/migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export function dataDirectory(): string {
  // turbopackIgnore: the data folder is chosen at run time and must not be traced into the build.
  return path.resolve(/*turbopackIgnore: true*/ process.env.FACTDESK_DATA_DIR ?? path.join(process.cwd(), ".data"));
}

const migrationsFolder = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    // Fail fast when the server is unreachable rather than holding requests for the default 30 s.
    connect_timeout: 5,
  });
  const db = drizzle({ client, schema });
  return {
    db,
    kind: "postgres",
    migrate: () => migrate(db, { migrationsFolder: migrationsFolder() }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** `dataDir` undefined means an in-memory instance (tests). */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireEmbeddedLock(path.join(dataDir, "..", `${path.basename(dataDir)}.lock`), dataDir);
  }
  let client;
  try {
    client = dataDir ? new PGlite(dataDir) : new PGlite();
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema });
  return {
    db,
    kind: "pglite",
    migrate: () => migrate(db, { migrationsFolder: migrationsFolder() }),
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
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(path.join(dataDirectory(), "pglite"));
}
