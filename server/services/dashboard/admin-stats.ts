import { sql } from "drizzle-orm";
import type { ReliabilityRating } from "@/lib/sources/vocabulary";
import type { Verdict } from "@/lib/verdicts";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

const WEEKS = 12;

async function rows<T>(ctx: ServiceContext, statement: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await ctx.db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The four numbers behind the admin dashboard's charts, each small enough to draw as SVG on the server:
 * published verdicts per week (the last 12 weeks, by the week they were published), per-article coverage
 * (claims published of claims marked, the 15 articles most recently worked on), live sources by their publisher's rating, and the claims waiting in
 * review per assignee.
 */
export async function getAdminStats(ctx: ServiceContext) {
  assertCan(ctx.actor, "dashboard.read");
  const verdictsByWeek = await rows<{ week: string; verdict: Verdict; count: number }>(
    ctx,
    sql`select to_char(date_trunc('week', published_at at time zone 'UTC'), 'YYYY-MM-DD') as week, verdict, count(*)::int as count
        from claims
        where status = 'published' and deleted_at is null and published_at >= date_trunc('week', now() at time zone 'UTC') - make_interval(weeks => ${WEEKS - 1})
        group by 1, 2 order by 1, 2`,
  );
  const coverage = await rows<{ articleId: number; title: string; marked: number; published: number }>(
    ctx,
    sql`select a.id as "articleId", a.title, count(c.id)::int as marked, count(c.id) filter (where c.status = 'published')::int as published
        from articles a join claims c on c.article_id = a.id and c.deleted_at is null
        group by a.id, a.title order by max(c.created_at) desc, a.id desc limit 15`,
  );
  const sourcesByRating = await rows<{ rating: ReliabilityRating; count: number }>(
    ctx,
    sql`select coalesce(p.reliability_rating, 'unrated') as rating, count(*)::int as count
        from sources s left join publishers p on p.id = s.publisher_id
        where s.merged_into_id is null group by 1`,
  );
  const reviewBacklog = await rows<{ editor: string; count: number }>(
    ctx,
    sql`select coalesce(u.name, 'Unassigned') as editor, count(*)::int as count
        from claims c left join users u on u.id = c.assignee_id
        where c.status = 'in_review' and c.deleted_at is null
        group by 1 order by 2 desc, 1 limit 20`,
  );
  const weeks = Array.from({ length: WEEKS }, (_, i) => {
    const now = new Date();
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7) - 7 * (WEEKS - 1 - i)));
    return monday.toISOString().slice(0, 10);
  });
  return { weeks, verdictsByWeek, coverage, sourcesByRating, reviewBacklog };
}
