import postgres from "postgres";

/**
 * Direct SQL on a database, for facts the app must agree with and rows no UI creates: a connection of its
 * own, closed after `work`.
 */
export async function withSql<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 2, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
