import { DEMO } from "../../../test-support/demo";
import { withSql } from "../../../test-support/sql";

/** claim.mark input for the first words of the demo article's current text (read from the database). */
export async function demoMarkInput(databaseUrl: string, phrase = "Russia is not seeking war") {
  return withSql(databaseUrl, async (sql) => {
    const [row] = await sql<{ id: number; revision_id: number; body: string }[]>`
      select a.id, a.current_revision_id as revision_id, r.body
      from articles a join article_revisions r on r.id = a.current_revision_id where a.slug = ${DEMO.slug}`;
    if (!row) throw new Error(`the demo article ${DEMO.slug} is not in the database`);
    const start = row.body.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" is not in the demo article`);
    return { articleId: row.id, revisionId: row.revision_id, start, end: start + phrase.length, kind: "statistic" as const };
  });
}
