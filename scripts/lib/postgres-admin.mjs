// Throwaway databases for the test runners (run-e2e.mjs, test-faults.mjs): where the server is, how a
// database URL is derived from it, and one-off admin statements (create/drop database).
import postgres from "postgres";

export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server to create test databases on: TEST_DATABASE_URL, then DATABASE_URL, then local trust auth. */
export function testServerUrl(env = process.env) {
  return env.TEST_DATABASE_URL || env.DATABASE_URL || DEFAULT_SERVER_URL;
}

/** The same server and credentials, another database. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The URL without its password, for messages. */
export function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** Runs one statement on its own short-lived connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminSql(serverUrl, statement) {
  const sql = postgres(serverUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    return await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops every database whose name starts with `prefix` (a run's databases), disconnecting their sessions. */
export async function dropDatabasesStartingWith(serverUrl, prefix) {
  if (!/^[a-z0-9_]+$/.test(prefix)) throw new Error(`refusing to drop databases by the prefix ${JSON.stringify(prefix)}`);
  const sql = postgres(serverUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const rows = await sql`select datname from pg_database where starts_with(datname, ${prefix})`;
    for (const { datname } of rows) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    return rows.map((r) => r.datname);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
