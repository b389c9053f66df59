import postgres from "postgres";
import { e2eEnv } from "./env";

/**
 * Direct SQL on the server's database, for facts the UI must agree with (counts) and for rows no UI
 * creates yet (claims). Opens and closes its own connection.
 */
export async function withSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(e2eEnv.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Live (not deleted) claims of an article, counted in the database. */
export function countLiveClaims(slug: string): Promise<number> {
  return withSql(async (sql) => {
    const [row] = await sql<{ n: number }[]>`
      select count(c.id)::int as n from articles a left join claims c on c.article_id = a.id and c.deleted_at is null
      where a.slug = ${slug}`;
    if (!row) throw new Error(`no article ${slug}`);
    return row.n;
  });
}

/** Whether a user with this email exists at all (active or not). */
export function userExists(email: string): Promise<boolean> {
  return withSql(async (sql) => (await sql`select 1 from users where lower(email) = lower(${email})`).length > 0);
}

/** Claims of an article that readers see (published, not deleted), counted in the database. */
export function countPublishedClaims(slug: string): Promise<number> {
  return withSql(async (sql) => {
    const [row] = await sql<{ n: number }[]>`
      select count(c.id)::int as n from articles a
      left join claims c on c.article_id = a.id and c.deleted_at is null and c.status = 'published'
      where a.slug = ${slug}`;
    if (!row) throw new Error(`no article ${slug}`);
    return row.n;
  });
}
