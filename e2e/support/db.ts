import { withSql } from "../../test-support/sql";
import { e2eEnv } from "./env";

// Facts the UI must agree with, read directly from the database of the server under test.

/** Live (not deleted) claims of an article, counted in the database. */
export function countLiveClaims(slug: string): Promise<number> {
  return withSql(e2eEnv.databaseUrl, async (sql) => {
    const [row] = await sql<{ n: number }[]>`
      select count(c.id)::int as n from articles a left join claims c on c.article_id = a.id and c.deleted_at is null
      where a.slug = ${slug}`;
    if (!row) throw new Error(`no article ${slug}`);
    return row.n;
  });
}

/** Whether a user with this email exists at all (active or not). */
export function userExists(email: string): Promise<boolean> {
  return withSql(e2eEnv.databaseUrl, async (sql) => (await sql`select 1 from users where lower(email) = lower(${email})`).length > 0);
}

/** Claims of an article that readers see (published, not deleted), counted in the database. */
export function countPublishedClaims(slug: string): Promise<number> {
  return withSql(e2eEnv.databaseUrl, async (sql) => {
    const [row] = await sql<{ n: number }[]>`
      select count(c.id)::int as n from articles a
      left join claims c on c.article_id = a.id and c.deleted_at is null and c.status = 'published'
      where a.slug = ${slug}`;
    if (!row) throw new Error(`no article ${slug}`);
    return row.n;
  });
}

/**
 * A source stored as an older rule set would have canonicalised `url` (here: keeping "www."), so today's rules make
 * it a duplicate of the source at the canonical address: the "rule change" case of the admin's duplicates list.
 */
export function insertSourceStoredUnderOldRules(url: string, title: string): Promise<number> {
  return withSql(e2eEnv.databaseUrl, async (sql) => {
    const [row] = await sql<{ id: number }[]>`
      insert into sources (canonical_url, original_urls, title) values (${url}, ${[url]}, ${title})
      on conflict (canonical_url) do update set title = excluded.title returning id`;
    return row!.id;
  });
}
