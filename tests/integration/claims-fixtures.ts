import type { ArticleStatus } from "@/lib/articles/status";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { articleRevisions, auditEvents } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Role } from "@/lib/roles";
import type { Actor } from "@/server/actor";
import { createCaller } from "@/server/routers/_app";
import { importArticle } from "@/server/services/article/import-article";
import type { PublicCache, PublicChange } from "@/server/services/context";
import { createUser } from "@/server/services/user/create-user";
import { query, systemActor, TEST_PASSWORD, uniqueEmail, uniqueName, type UserActor } from "./helpers";

// Shared set-up for the claim workflow tests (claims-*.test.ts, evidence.test.ts, reader-visibility.test.ts).

/** A user with a name of their own, so messages and histories naming "who" can be told apart. */
export async function namedUser(db: Database, role: Role, label: string, { active = true } = {}): Promise<UserActor> {
  const name = `${label} ${randomUUID().slice(0, 6)}`;
  const user = await createUser({ db, actor: systemActor }, { email: uniqueEmail(role), name, role, password: TEST_PASSWORD });
  if (!active) await db.execute(sql`update users set active = false where id = ${user.id}`);
  return { kind: "user", id: user.id, role: user.role, name: user.name, email: user.email };
}

/** A fake of the app's PublicCache port that records which articles (`calls`) and what else (`changes`) it was told about. */
export function recordingCache(): PublicCache & { calls: number[]; changes: PublicChange[] } {
  const calls: number[] = [];
  const changes: PublicChange[] = [];
  return {
    calls,
    changes,
    changed: async (change) => {
      changes.push(change);
      calls.push(...new Set(change.articleIds));
    },
  };
}

export function callerWith(db: Database, actor: Actor, publicCache?: PublicCache) {
  return createCaller({ db, actor, requestId: `test-${randomUUID()}`, publicCache });
}

const ARTICLE_TEXT = [
  "Ninety percent of voters back the plan, the minister said on Monday.",
  "The budget grew by 12 billion euros in 2023, according to the ministry.",
  "Critics called the figures misleading and demanded an audit.",
].join("\n\n");

export const RATIONALE = "The ministry's own annual report shows a rise of 8 billion euros.";

export interface TestArticle {
  id: number;
  slug: string;
  revisionId: number;
  body: string;
}

export async function createArticle(db: Database, { status = "published" as ArticleStatus, text = ARTICLE_TEXT } = {}): Promise<TestArticle> {
  const slug = uniqueName("claims");
  const article = await importArticle({ db, actor: systemActor }, { title: "Claims fixture", slug, status, text });
  const [revision] = await db.select({ body: articleRevisions.body }).from(articleRevisions).where(eq(articleRevisions.id, article.revisionId));
  return { id: article.id, slug, revisionId: article.revisionId, body: revision!.body };
}

/** Marks the first occurrence of `text` in the article's body. */
export function mark(db: Database, actor: Actor, article: TestArticle, text: string, extra: { summary?: string; speaker?: string } = {}) {
  const start = article.body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the article body`);
  return callerWith(db, actor).claim.mark({ articleId: article.id, revisionId: article.revisionId, start, end: start + text.length, kind: "statistic", ...extra });
}

/**
 * A claim with a verdict by `author`, one piece of evidence and, by default, sent to review.
 * Returns the claim as it stands (id, version, status) and the evidence link.
 */
export async function claimInReview(
  db: Database,
  author: UserActor,
  article: TestArticle,
  { text = "Ninety percent of voters", rationale = RATIONALE, note = null as string | null, send = true } = {},
) {
  const caller = callerWith(db, author);
  const marked = await mark(db, author, article, text);
  const withVerdict = await caller.claim.setVerdict({ claimId: marked.id, version: marked.version, verdict: "false", rationale });
  const link = await caller.evidence.attach({
    claimId: marked.id, url: `https://example.org/${uniqueName("report")}`, stance: "refutes", excerpt: "Spending rose by 8 billion.", note,
  });
  const claim = send ? await caller.claim.changeStatus({ claimId: marked.id, version: withVerdict.version, status: "in_review" }) : withVerdict;
  return { claim, evidence: link };
}

/** Publishes: the author sends to review, `reviewer` approves. */
export async function publishedClaim(db: Database, author: UserActor, reviewer: UserActor, article: TestArticle, options: Parameters<typeof claimInReview>[3] = {}) {
  const { claim, evidence } = await claimInReview(db, author, article, options);
  const published = await callerWith(db, reviewer).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Checked the report." });
  return { claim: published, evidence };
}

/** The audit rows of a claim and its evidence, oldest first. */
export async function eventsOf(db: Database, claimId: number) {
  return db.select().from(auditEvents).where(eq(auditEvents.claimId, claimId)).orderBy(auditEvents.id);
}

/** The transaction id that last wrote a row: equal for rows written by one transaction. */
export async function writerOf(db: Database, table: "claims" | "audit_events" | "evidence" | "articles" | "users" | "sources" | "publishers", id: number): Promise<string> {
  const [row] = await query<{ xmin: string }>(db, sql`select xmin::text as xmin from ${sql.identifier(table)} where id = ${id}`);
  if (!row) throw new Error(`${table} ${id} not found`);
  return row.xmin;
}
