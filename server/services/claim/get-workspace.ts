import { eq, sql, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { articleRevisions, articles, claims, evidence, users } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

const assignee = alias(users, "assignee");

/** One live claim as the workspace lists it; built by the database as JSON (see below), so typed here. */
interface WorkspaceClaimJson {
  id: number;
  revisionId: number;
  start: number;
  end: number;
  exact: string;
  kind: (typeof claims.$inferSelect)["kind"];
  speaker: string | null;
  summary: string | null;
  status: (typeof claims.$inferSelect)["status"];
  verdict: (typeof claims.$inferSelect)["verdict"];
  rationale: string | null;
  verdictSetBy: number | null;
  anchorState: (typeof claims.$inferSelect)["anchorState"];
  assigneeId: number | null;
  assigneeName: string | null;
  version: number;
  /** JSON has no dates: an ISO timestamp, turned back into a Date below. */
  updatedAt: string;
  evidenceCount: number;
}

const claimFields: Record<keyof WorkspaceClaimJson, SQLWrapper> = {
  id: claims.id,
  revisionId: claims.revisionId,
  start: claims.positionStart,
  end: claims.positionEnd,
  exact: claims.quoteExact,
  kind: claims.kind,
  speaker: claims.speaker,
  summary: claims.summary,
  status: claims.status,
  verdict: claims.verdict,
  rationale: claims.rationale,
  verdictSetBy: claims.verdictSetBy,
  anchorState: claims.anchorState,
  assigneeId: claims.assigneeId,
  assigneeName: assignee.name,
  version: claims.version,
  updatedAt: claims.updatedAt,
  // Counted per claim (an index lookup each), not grouped over the whole evidence table first.
  evidenceCount: sql`(select count(*)::int from ${evidence} where ${evidence.claimId} = ${claims.id} and ${evidence.deletedAt} is null)`,
};

// The live claims of the article in text order, as one JSON array: the article and its claims are one statement, one
// round trip to the database instead of two (decision 0038). The keys are this file's constants, never input.
const liveClaimsJson = sql<WorkspaceClaimJson[]>`(
  select coalesce(json_agg(json_build_object(${sql.join(
    Object.entries(claimFields).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
    sql`, `,
  )}) order by ${claims.positionStart}, ${claims.positionEnd}, ${claims.id}), '[]')
  from ${claims} left join ${users} as ${assignee} on ${assignee.id} = ${claims.assigneeId}
  where ${claims.articleId} = ${articles.id} and ${claims.deletedAt} is null
)`;

/** The editor workspace: the article's current text and its live claims in text order. */
export async function getWorkspace(ctx: ServiceContext, articleId: number) {
  assertCan(ctx.actor, "claim.read");
  const [row] = await ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      version: articles.version,
      revisionId: articleRevisions.id,
      body: articleRevisions.body,
      claims: liveClaimsJson,
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId));
  if (!row) throw new NotFoundError("That article");
  const { claims: listed, ...article } = row;
  return { article, claims: listed.map((claim) => ({ ...claim, updatedAt: new Date(claim.updatedAt) })) };
}
