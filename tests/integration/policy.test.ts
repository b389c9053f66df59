import type { inferRouterInputs } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, claimGroups, claimSuggestions, claims, evidence, notifications, sourceLinkHealth, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Role } from "@/lib/roles";
import type { Actor } from "@/server/actor";
import { appRouter, type AppRouter } from "@/server/routers/_app";
import { importArticle } from "@/server/services/article/import-article";
import {
  anonymousActor, callerFor, createTestUser, inRollback, openTestDatabase, rejectionOf, systemActor, tableFingerprints, uniqueEmail, uniqueName, type UserActor,
} from "./helpers";
import { fixtureSiteOrigin } from "./fixture-site";

// Every procedure of the real router, found at run time: a procedure added later is covered (or, for a
// mutation without a sample input below, makes this file fail) without anyone remembering to add it.
const { db } = await openTestDatabase();
const fixtureSite = await fixtureSiteOrigin();
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);
const mutationPaths = procedures.filter(([, p]) => p._def.type === "mutation").map(([path]) => path);
const queryPaths = procedures.filter(([, p]) => p._def.type === "query").map(([path]) => path);

/** Real rows the sample inputs point at, so that a missing check would really change something. */
interface Fixture {
  articleId: number;
  revisionId: number;
  claimId: number;
  /** In review, its verdict set by another editor: what claim.review needs. */
  reviewClaimId: number;
  deletedClaimId: number;
  evidenceId: number;
  sourceId: number;
  /** An unread notification of `editor`: what notification.markRead needs. */
  notificationId: number;
  target: UserActor;
  editor: UserActor;
  reader: UserActor;
  /** Claim memory: a published claim of another article, a claim linked to it, an open suggestion. */
  publishedElsewhereId: number;
  linkedClaimId: number;
  suggestionArticleId: number;
  suggestionId: number;
}
type Inputs = inferRouterInputs<AppRouter>;

/** A valid input and the lowest role allowed, for every mutation. Typed against the router's own input types. */
const MUTATIONS: Record<string, { minimum: Role; input: (f: Fixture) => unknown }> = {
  "article.preview": { minimum: "editor", input: (): Inputs["article"]["preview"] => ({ text: "A paragraph.\n\nhttps://example.org/a-source", title: "Policy probe" }) },
  "article.fetchFromUrl": { minimum: "editor", input: (): Inputs["article"]["fetchFromUrl"] => ({ url: `${fixtureSite}/news` }) },
  "article.import": { minimum: "editor", input: (): Inputs["article"]["import"] => ({ title: "Policy probe", slug: uniqueName("probe"), text: "A paragraph." }) },
  "article.edit": {
    minimum: "editor",
    input: (f): Inputs["article"]["edit"] => ({ articleId: f.articleId, version: 1, body: "Ninety percent agree, the survey says.", note: "Policy probe" }),
  },
  "article.setStatus": { minimum: "editor", input: (f): Inputs["article"]["setStatus"] => ({ articleId: f.articleId, status: "published" }) },
  "claim.mark": { minimum: "editor", input: (f): Inputs["claim"]["mark"] => ({ articleId: f.articleId, revisionId: f.revisionId, start: 0, end: 6, kind: "statistic" }) },
  "claim.update": { minimum: "editor", input: (f): Inputs["claim"]["update"] => ({ claimId: f.claimId, version: 1, summary: "Changed" }) },
  "claim.setVerdict": {
    minimum: "editor",
    input: (f): Inputs["claim"]["setVerdict"] => ({ claimId: f.claimId, version: 1, verdict: "false", rationale: "The cited figures say otherwise." }),
  },
  "claim.changeStatus": { minimum: "editor", input: (f): Inputs["claim"]["changeStatus"] => ({ claimId: f.claimId, version: 1, status: "in_progress" }) },
  "claim.review": { minimum: "editor", input: (f): Inputs["claim"]["review"] => ({ claimId: f.reviewClaimId, version: 1, decision: "reject", comment: "Needs a source." }) },
  "claim.assign": { minimum: "editor", input: (f): Inputs["claim"]["assign"] => ({ claimId: f.claimId, version: 1, assigneeId: f.editor.id }) },
  "claim.delete": { minimum: "editor", input: (f): Inputs["claim"]["delete"] => ({ claimId: f.claimId, version: 1 }) },
  "claim.reattach": { minimum: "editor", input: (f): Inputs["claim"]["reattach"] => ({ claimId: f.claimId, version: 1, revisionId: f.revisionId, start: 7, end: 14 }) },
  "claim.restore": { minimum: "admin", input: (f): Inputs["claim"]["restore"] => ({ claimId: f.deletedClaimId }) },
  "claim.link": { minimum: "editor", input: (f): Inputs["claim"]["link"] => ({ claimId: f.claimId, sameAsClaimId: f.publishedElsewhereId }) },
  "claim.unlink": { minimum: "editor", input: (f): Inputs["claim"]["unlink"] => ({ claimId: f.linkedClaimId }) },
  "claim.reuseVerdict": {
    minimum: "editor",
    input: (f): Inputs["claim"]["reuseVerdict"] => ({ claimId: f.linkedClaimId, version: 1, fromClaimId: f.publishedElsewhereId }),
  },
  "claim.acceptSuggestion": { minimum: "editor", input: (f): Inputs["claim"]["acceptSuggestion"] => ({ suggestionId: f.suggestionId }) },
  "claim.dismissSuggestion": { minimum: "editor", input: (f): Inputs["claim"]["dismissSuggestion"] => ({ suggestionId: f.suggestionId }) },
  "evidence.attach": {
    minimum: "editor",
    input: (f): Inputs["evidence"]["attach"] => ({ claimId: f.claimId, url: `https://example.org/${uniqueName("evidence")}`, stance: "supports" }),
  },
  "evidence.update": { minimum: "editor", input: (f): Inputs["evidence"]["update"] => ({ evidenceId: f.evidenceId, version: 1, stance: "refutes" }) },
  "evidence.remove": { minimum: "editor", input: (f): Inputs["evidence"]["remove"] => ({ evidenceId: f.evidenceId, version: 1 }) },
  "notification.markRead": { minimum: "editor", input: (f): Inputs["notification"]["markRead"] => ({ notificationId: f.notificationId }) },
  "source.recapture": { minimum: "admin", input: (f): Inputs["source"]["recapture"] => ({ sourceId: f.sourceId }) },
  // The check itself is a row of link_checks (the fixture's example.org cannot be reached from tests: a failed check).
  "source.checkLink": { minimum: "admin", input: (f): Inputs["source"]["checkLink"] => ({ sourceId: f.sourceId }) },
  "source.update": { minimum: "admin", input: (f): Inputs["source"]["update"] => ({ sourceId: f.sourceId, title: "Renamed by the policy probe" }) },
  "user.create": {
    minimum: "admin",
    input: (): Inputs["user"]["create"] => ({ email: uniqueEmail("probe"), name: "Probe", role: "admin", password: "long enough password" }),
  },
  "user.setRole": { minimum: "admin", input: (f): Inputs["user"]["setRole"] => ({ userId: f.target.id, role: "admin" }) },
  "user.deactivate": { minimum: "admin", input: (f): Inputs["user"]["deactivate"] => ({ userId: f.target.id }) },
  "user.resetPassword": { minimum: "admin", input: (f): Inputs["user"]["resetPassword"] => ({ userId: f.target.id, password: "another long password" }) },
};

/**
 * Mutations that by design write nothing (previews: POST only because their input is too big for a URL, or because
 * they fetch a page). Their control is the one for queries plus "not a row changed".
 */
const WRITES_NOTHING = new Set(["article.preview", "article.fetchFromUrl"]);

/** Queries anyone may call; every other query must refuse anonymous callers and readers. */
const PUBLIC_QUERIES = ["article.listPublished", "article.bySlug", "reader.view", "reader.article", "search.query", "user.me"];
/**
 * Every restricted query: the lowest role allowed and an input that really answers for it (checked below),
 * so the refusals are refusals of the caller, not of the input. A query missing here fails the first test.
 */
const QUERIES: Record<string, { minimum: Role; input: (f: Fixture) => unknown }> = {
  "article.dashboard": { minimum: "editor", input: () => undefined },
  "article.revisions": { minimum: "editor", input: (f): Inputs["article"]["revisions"] => ({ articleId: f.articleId }) },
  "article.revisionDiff": { minimum: "editor", input: (f): Inputs["article"]["revisionDiff"] => ({ articleId: f.articleId, from: f.revisionId, to: f.revisionId }) },
  "claim.workspace": { minimum: "editor", input: (f): Inputs["claim"]["workspace"] => ({ articleId: f.articleId }) },
  "claim.detail": { minimum: "editor", input: (f): Inputs["claim"]["detail"] => ({ claimId: f.claimId }) },
  "claim.myQueue": { minimum: "editor", input: () => undefined },
  "claim.similar": { minimum: "editor", input: (f): Inputs["claim"]["similar"] => ({ claimId: f.linkedClaimId }) },
  "claim.suggestions": { minimum: "editor", input: (f): Inputs["claim"]["suggestions"] => ({ articleId: f.suggestionArticleId }) },
  "claim.listDeleted": { minimum: "admin", input: (f): Inputs["claim"]["listDeleted"] => ({ articleId: f.articleId }) },
  "audit.history": { minimum: "editor", input: (f): Inputs["audit"]["history"] => ({ articleId: f.articleId }) },
  "notification.list": { minimum: "editor", input: () => undefined },
  "source.deadEvidence": { minimum: "editor", input: () => undefined },
  "source.previewMetadata": { minimum: "editor", input: (): Inputs["source"]["previewMetadata"] => ({ url: `${fixtureSite}/article` }) },
  "source.list": { minimum: "admin", input: (): Inputs["source"]["list"] => ({}) },
  "source.search": { minimum: "editor", input: (): Inputs["source"]["search"] => ({ query: "example" }) },
  "user.editors": { minimum: "editor", input: () => undefined },
  "user.list": { minimum: "admin", input: () => undefined },
};

let fixture: Fixture;
beforeAll(async () => {
  const article = await importArticle({ db, actor: systemActor }, { title: "Policy fixture", slug: uniqueName("policy"), text: "Ninety percent agree." });
  const claim = { articleId: article.id, revisionId: article.revisionId, quoteExact: "Ninety", positionStart: 0, positionEnd: 6, kind: "statistic" as const };
  const author = await createTestUser(db, "editor");
  const inReview = { ...claim, status: "in_review" as const, verdict: "false" as const, rationale: "The survey says forty percent.", verdictSetBy: author.id };
  const [live, deleted, review] = await db
    .insert(claims)
    .values([claim, { ...claim, deletedAt: new Date() }, inReview])
    .returning({ id: claims.id });
  const [source] = await db.insert(sources).values({ canonicalUrl: `https://example.org/${uniqueName("source")}` }).returning({ id: sources.id });
  const [link] = await db.insert(evidence).values({ claimId: live!.id, sourceId: source!.id, stance: "supports" }).returning({ id: evidence.id });
  // Gone dead, so that source.deadEvidence has something to answer with.
  const failedSince = new Date(Date.now() - 30 * 24 * 3600 * 1000);
  await db.insert(sourceLinkHealth).values({ sourceId: source!.id, health: "dead", consecutiveFailures: 5, firstFailureAt: failedSince, lastCheckedAt: new Date() });
  const editor = await createTestUser(db, "editor");
  // The review claim was assigned to `editor` (an audit row only: the claim's version stays 1 for the inputs above).
  const [assigned] = await db
    .insert(auditEvents)
    .values({ entityType: "claim", entityId: review!.id, claimId: review!.id, articleId: article.id, actorId: author.id, action: "claim.assigned", after: { assigneeId: editor.id } })
    .returning({ id: auditEvents.id });
  const [notification] = await db.insert(notifications).values({ recipientId: editor.id, auditEventId: assigned!.id }).returning({ id: notifications.id });
  // Claim memory. Its own word (Quollshire) keeps these claims out of other files' matches in the shared database.
  const memoryText = "Quollshire mayors approve ninety percent of budgets.";
  const suggestionArticle = await importArticle({ db, actor: systemActor }, { title: "Policy memory", slug: uniqueName("policy-memory"), text: memoryText });
  const elsewhere = await importArticle({ db, actor: systemActor }, { title: "Policy elsewhere", slug: uniqueName("policy-elsewhere"), status: "published", text: memoryText });
  const [group] = await db.insert(claimGroups).values({}).returning({ id: claimGroups.id });
  const [publishedElsewhere] = await db
    .insert(claims)
    .values({
      ...claim, articleId: elsewhere.id, revisionId: elsewhere.revisionId, quoteExact: memoryText, positionEnd: memoryText.length,
      status: "published", verdict: "mostly_true", rationale: "The council minutes show eighty-eight percent.", verdictSetBy: author.id, publishedAt: new Date(), groupId: group!.id,
    })
    .returning({ id: claims.id });
  const [linked] = await db.insert(claims).values({ ...claim, groupId: group!.id }).returning({ id: claims.id });
  const [suggestion] = await db
    .insert(claimSuggestions)
    .values({ articleId: suggestionArticle.id, revisionId: suggestionArticle.revisionId, sentence: memoryText, positionStart: 0, positionEnd: memoryText.length, matchedClaimId: publishedElsewhere!.id, score: 0.9 })
    .returning({ id: claimSuggestions.id });
  fixture = {
    publishedElsewhereId: publishedElsewhere!.id, linkedClaimId: linked!.id, suggestionArticleId: suggestionArticle.id, suggestionId: suggestion!.id,
    articleId: article.id, revisionId: article.revisionId, claimId: live!.id, reviewClaimId: review!.id, deletedClaimId: deleted!.id, evidenceId: link!.id, sourceId: source!.id,
    notificationId: notification!.id, target: await createTestUser(db, "reader"), editor, reader: await createTestUser(db, "reader"),
  };
});

function call(tx: Database, actor: Actor, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(tx, actor);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** Calls `path` as each actor, expecting `code`, and checks that not a single row changed. */
const expectRefused = (path: string, input: (f: Fixture) => unknown, refusals: Array<[Actor, string]>) =>
  inRollback(db, async (tx) => {
    const before = await tableFingerprints(tx);
    for (const [actor, code] of refusals) {
      const error = await rejectionOf(call(tx, actor, path, input(fixture)));
      expect(error, `${path} as ${actor.kind === "user" ? actor.role : actor.kind}`).toMatchObject({ code });
    }
    expect(await tableFingerprints(tx)).toEqual(before);
  });

describe("the router as seen by the policy", () => {
  it("has procedures to check, and a sample input for every mutation (add one for any new mutation)", () => {
    expect(mutationPaths).toContain("article.import");
    expect(queryPaths).toContain("article.dashboard");
    expect(mutationPaths.filter((path) => !MUTATIONS[path])).toEqual([]);
    // …and no stale entries that would hide a renamed procedure.
    expect(Object.keys(MUTATIONS).filter((path) => !mutationPaths.includes(path))).toEqual([]);
    expect(queryPaths.filter((path) => !PUBLIC_QUERIES.includes(path) && !QUERIES[path])).toEqual([]);
    expect([...PUBLIC_QUERIES, ...Object.keys(QUERIES)].filter((path) => !queryPaths.includes(path))).toEqual([]);
  });
});

/** Nothing but empty lists and objects: an answer that could hide an input that matched nothing. */
const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === "object" && Object.values(value).every(isEmpty));

describe.each(mutationPaths)("mutation %s", (path) => {
  const sample = MUTATIONS[path];

  it("refuses anonymous callers (UNAUTHORIZED) and readers (FORBIDDEN), writing nothing", async () => {
    if (!sample) throw new Error(`No sample input for ${path}: add one to MUTATIONS so its policy is tested.`);
    await expectRefused(path, sample.input, [
      [anonymousActor, "UNAUTHORIZED"],
      [fixture.reader, "FORBIDDEN"],
    ]);
  });

  // The control that makes the refusals above mean something: with this same input the lowest allowed
  // role really changes rows (or, for a preview, really gets an answer), so a missing check could not hide behind an input that does nothing.
  it("with the same input, the lowest allowed role does change rows", () =>
    inRollback(db, async (tx) => {
      if (!sample) throw new Error(`No sample input for ${path}.`);
      const actor = sample.minimum === "admin" ? await createTestUser(tx, "admin") : fixture.editor;
      const before = await tableFingerprints(tx);
      const answer = await call(tx, actor, path, sample.input(fixture));
      if (WRITES_NOTHING.has(path)) {
        expect(isEmpty(answer), JSON.stringify(answer)).toBe(false);
        expect(await tableFingerprints(tx)).toEqual(before);
      } else {
        expect(await tableFingerprints(tx)).not.toEqual(before);
      }
    }));

  if (sample?.minimum === "admin") {
    it("refuses editors (FORBIDDEN), writing nothing", () => expectRefused(path, sample.input, [[fixture.editor, "FORBIDDEN"]]));
  }
});

describe.each(queryPaths.filter((path) => !PUBLIC_QUERIES.includes(path)))("restricted query %s", (path) => {
  const sample = QUERIES[path];

  it("refuses anonymous callers (UNAUTHORIZED) and readers (FORBIDDEN)", () => {
    if (!sample) throw new Error(`No sample input for ${path}: add one to QUERIES so its policy is tested.`);
    return expectRefused(path, sample.input, [
      [anonymousActor, "UNAUTHORIZED"],
      [fixture.reader, "FORBIDDEN"],
    ]);
  });

  // The control: with this same input the lowest allowed role gets a real, non-empty answer.
  it("with the same input, the lowest allowed role gets an answer", () =>
    inRollback(db, async (tx) => {
      if (!sample) throw new Error(`No sample input for ${path}.`);
      const actor = sample.minimum === "admin" ? await createTestUser(tx, "admin") : fixture.editor;
      const answer = await call(tx, actor, path, sample.input(fixture));
      expect(isEmpty(answer), JSON.stringify(answer)).toBe(false);
    }));

  if (sample?.minimum === "admin") {
    it("refuses editors (FORBIDDEN)", () => expectRefused(path, sample.input, [[fixture.editor, "FORBIDDEN"]]));
  }
});
