import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import { afterAll, inject } from "vitest";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Role } from "@/lib/roles";
import type { Actor } from "@/server/actor";
import type { ServerEnv } from "@/server/env.mjs";
import type { Fetcher } from "@/server/fetch";
import { createCaller } from "@/server/routers/_app";
import { createUser } from "@/server/services/user/create-user";
import { createDatabase } from "../../scripts/lib/postgres-admin.mjs";
import { fixtureSiteFetcher } from "./fixture-site";
import { uniqueEmail } from "../../test-support/users";

export type UserActor = Extract<Actor, { kind: "user" }>;

export const anonymousActor: Actor = { kind: "anonymous" };
export const systemActor: Actor = { kind: "system", label: "integration test" };

/** Every test user gets this password (long enough for passwordInput); tests that sign in use it. */
export const TEST_PASSWORD = "correct horse battery staple";

/** The run's shared database (see global-setup.ts), one postgres.js pool per test file, closed after it. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const handle = await openPostgres(inject("databaseUrl"));
  afterAll(() => handle.close());
  return handle;
}

/**
 * A database of the file's own, freshly migrated, for tests about global facts ("the last active admin",
 * "no admin exists yet") that other files running in parallel would otherwise change under them.
 */
export async function openIsolatedDatabase(): Promise<Database> {
  return (await openIsolatedDatabaseHandle()).db;
}

/** The same, with the whole handle (a job queue needs its queue connection). */
export async function openIsolatedDatabaseHandle(): Promise<DatabaseHandle> {
  const name = `${inject("databaseName")}_${randomBytes(4).toString("hex")}`;
  const handle = await openPostgres(await createDatabase(inject("serverUrl"), name));
  await handle.migrate();
  // The database itself is dropped by the global teardown together with the run's database.
  afterAll(() => handle.close());
  return handle;
}

/** An explicit configuration for code that takes one (bootstrapAdmin, prepareDatabase), instead of mutating process.env. */
export function envWith(vars: Partial<Pick<ServerEnv, "ADMIN_EMAIL" | "ADMIN_PASSWORD">> = {}): Pick<ServerEnv, "ADMIN_EMAIL" | "ADMIN_PASSWORD" | "FACTDESK_SKIP_DEMO"> {
  return { FACTDESK_SKIP_DEMO: false, ...vars };
}

/** Unique per call, so tests sharing a database never collide on unique emails or slugs. */
export { uniqueEmail };
export function uniqueName(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** Inserts a real user through the createUser service (argon2id and all) and returns them as an actor. */
export async function createTestUser(db: Database, role: Role, { active = true, email = uniqueEmail(role) } = {}): Promise<UserActor> {
  const user = await createUser({ db, actor: systemActor }, { email, name: `Test ${role}`, role, password: TEST_PASSWORD });
  if (!active) await db.update(users).set({ active: false }).where(eq(users.id, user.id));
  return { kind: "user", id: user.id, role: user.role, name: user.name, email: user.email };
}

let callerFetcher: Fetcher | undefined;

/**
 * From now on in this test file, callers from callerFor fetch through `fetcher` (a file's own loopback pages,
 * see article-page.ts) instead of the fixture site's (fixture-site.ts); both keep the production rules otherwise.
 */
export function fetchThrough(fetcher: Fetcher) {
  callerFetcher = fetcher;
}

export function callerFor(db: Database, actor: Actor) {
  return createCaller({ db, actor, requestId: `test-${randomUUID()}`, fetcher: callerFetcher ?? fixtureSiteFetcher });
}

class Rollback extends Error {}

/**
 * Runs `fn` in a REPEATABLE READ transaction that is always rolled back: the test sees one snapshot
 * (rows other files commit meanwhile do not appear, so whole-table counts are stable) and leaves nothing
 * behind. Services that open their own transaction get a savepoint inside it.
 */
export async function inRollback<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.transaction(
      async (tx) => {
        result = { value: await fn(tx) };
        throw new Rollback();
      },
      { isolationLevel: "repeatable read" },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!result) throw new Error("inRollback: the transaction ended without a result");
  return result.value;
}

/** Raw SQL rows on either driver: postgres.js returns an array, PGlite an object with `rows`. */
export async function query<T>(db: Database, statement: SQL): Promise<T[]> {
  const result: unknown = await db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Row count and a content hash of every table in the public schema: equal fingerprints mean no row was
 * inserted, deleted or updated. Table names come from the catalog, so new tables are covered automatically.
 */
export async function tableFingerprints(db: Database): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const table = sql.identifier(name);
    const [row] = await query<{ n: number; h: string }>(
      db,
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`,
    );
    result[name] = `${row?.n} rows, ${row?.h}`;
  }
  return result;
}

export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n ?? -1;
}

/** The SQLSTATE of a database error, looking through wrappers such as drizzle's DrizzleQueryError. */
export function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** The error a promise rejects with (fails the test if it resolves), for asserting several properties of it. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to be refused, but it succeeded");
}
