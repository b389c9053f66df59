import type { ArticleStatus } from "@/lib/articles/status";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/types";
import type { Actor } from "@/server/actor";
import { claimSuggestions } from "@/db/schema";
import { claimInReview, createArticle, mark, publishedClaim, type TestArticle } from "./claims-fixtures";
import { inRollback, openTestDatabase, query, uniqueName, type UserActor } from "./helpers";
import {
  callPath, createCallers, insertUser, refusalProblems, ROLE_KEYS, routerProcedures, settle, type Callers, type Outcome, type RoleKey,
} from "./security-fixtures";
import { fixtureSiteOrigin } from "./fixture-site";

// Every procedure of appRouter × seven callers, each call on fresh fixtures in its own rolled-back
// transaction, compared with the table below. A procedure added to the router without a row here, or a
// row left behind by a removed procedure, fails the first test.

const { db } = await openTestDatabase();

type Row = Record<RoleKey, Outcome>;

// Deactivated users and stale sessions resolve to anonymous (resolveActor), so they are refused like anonymous callers.
const PUBLIC: Row = { anonymous: "ok", reader: "ok", editor: "ok", otherEditor: "ok", admin: "ok", deactivated: "ok", staleSession: "ok" };
const EDITORS: Row = {
  anonymous: "UNAUTHORIZED", reader: "FORBIDDEN", editor: "ok", otherEditor: "ok", admin: "ok", deactivated: "UNAUTHORIZED", staleSession: "UNAUTHORIZED",
};
const ADMINS: Row = { ...EDITORS, editor: "FORBIDDEN", otherEditor: "FORBIDDEN" };
const NOT_FOUND_FOR_ALL: Row = {
  anonymous: "NOT_FOUND", reader: "NOT_FOUND", editor: "NOT_FOUND", otherEditor: "NOT_FOUND", admin: "NOT_FOUND", deactivated: "NOT_FOUND", staleSession: "NOT_FOUND",
};

/** The declared policy: what each caller gets from each procedure, given a valid input that makes sense for them. */
const EXPECTED: Record<string, Row> = {
  "article.listPublished": PUBLIC,
  "article.bySlug": PUBLIC, // of a published article; drafts are an object-level case below
  "article.dashboard": EDITORS,
  "article.import": EDITORS,
  "article.preview": EDITORS,
  "article.fetchFromUrl": EDITORS,
  "article.setStatus": EDITORS,
  "article.edit": EDITORS,
  "article.revisions": EDITORS,
  "article.revisionDiff": EDITORS,
  "audit.history": EDITORS, // of an article: its import, claims and evidence, with editor-only texts
  "claim.workspace": EDITORS,
  "claim.detail": EDITORS, // of a claim in review: verdict, rationale, editor notes and history
  "claim.myQueue": EDITORS,
  "claim.listDeleted": ADMINS, // deleted claims of an article, with who deleted them
  "claim.mark": EDITORS,
  "claim.update": EDITORS,
  "claim.setVerdict": EDITORS,
  "claim.changeStatus": EDITORS,
  // The verdict's author ("editor") may not approve it; another editor or an admin may.
  "claim.review": { ...EDITORS, editor: "FORBIDDEN" },
  "claim.assign": EDITORS,
  "claim.delete": EDITORS,
  "claim.restore": ADMINS,
  "claim.reattach": EDITORS,
  "notification.list": EDITORS, // their own notifications: a claim assigned to them
  "notification.markRead": EDITORS, // someone else's notification is left alone, not an error
  "claim.similar": EDITORS, // linked and similar claims of other articles, unpublished ones included
  "claim.link": EDITORS,
  "claim.unlink": EDITORS,
  "claim.reuseVerdict": EDITORS,
  "claim.suggestions": EDITORS,
  "claim.acceptSuggestion": EDITORS,
  "claim.dismissSuggestion": EDITORS,
  "evidence.attach": EDITORS,
  "evidence.update": EDITORS,
  "evidence.remove": EDITORS,
  // The public outputs' reads answer as the anonymous reader whoever asks; drafts are an object-level case below.
  "reader.view": PUBLIC,
  "reader.article": PUBLIC,
  "source.search": EDITORS,
  // Anyone may search; below editor only published rows come back (the token check below proves nothing leaks).
  "search.query": PUBLIC,
  "source.deadEvidence": EDITORS,
  "source.recapture": ADMINS,
  "source.checkLink": ADMINS,
  "source.previewMetadata": EDITORS, // the server fetches a URL on the caller's behalf
  "source.list": ADMINS,
  "source.update": ADMINS,
  "user.me": PUBLIC, // null for anyone signed out, deactivated and stale sessions included (checked below)
  "user.editors": EDITORS,
  "user.list": ADMINS,
  "user.create": ADMINS,
  "user.setRole": ADMINS,
  "user.deactivate": ADMINS,
  "user.resetPassword": ADMINS,
};

/**
 * Fresh rows for one call, written inside that call's transaction. Every text that is not public contains
 * `token`, so finding the token in anything a signed-out caller or a reader receives is a leak.
 */
class Fixtures {
  readonly token = `secret${randomUUID().replaceAll("-", "")}`;
  constructor(
    readonly tx: Database,
    readonly c: Callers,
  ) {}

  secret(label: string): string {
    return `The ${label} ${this.token} is for editors only.`;
  }
  /** A published article with the shared fixture text (public), or a draft whose title and body are secret. */
  article(status: ArticleStatus = "published"): Promise<TestArticle> {
    return status === "published" ? createArticle(this.tx) : createArticle(this.tx, { status, text: this.secret("draft body") });
  }
  /** An unchecked claim marked by `editor`, with a secret summary. */
  async claim() {
    return mark(this.tx, this.c.editor, await this.article(), "Ninety percent of voters", { summary: this.secret("summary") });
  }
  /** A claim in review whose verdict (secret rationale, secret evidence note) was set by `author`. */
  async claimInReview(author: UserActor = this.c.editor) {
    const { claim } = await claimInReview(this.tx, author, await this.article(), { rationale: this.secret("rationale"), note: this.secret("note") });
    return claim;
  }
  async deletedClaim() {
    const claim = await this.claim();
    await callPath(this.tx, this.c.editor, "claim.delete", { claimId: claim.id, version: claim.version });
    return claim;
  }
  async evidence() {
    const claim = await this.claim();
    return (await callPath(this.tx, this.c.editor, "evidence.attach", {
      claimId: claim.id, url: `https://example.org/${this.token}`, stance: "supports", note: this.secret("note"),
    })) as { id: number; version: number };
  }
  /** The registry entry behind fresh evidence (its URL carries the token). */
  async sourceId(): Promise<number> {
    const link = await this.evidence();
    const [row] = await query<{ source_id: number }>(this.tx, sql`select source_id from evidence where id = ${link.id}`);
    return row!.source_id;
  }
  /** A published claim (published by the other editor and the admin) in an article of its own. */
  async publishedElsewhere() {
    return (await publishedClaim(this.tx, this.c.otherEditor, this.c.admin, await this.article(), { rationale: this.secret("rationale") })).claim;
  }
  /** An unchecked claim linked as the same claim to a published claim of another article. */
  async linkedClaim() {
    const published = await this.publishedElsewhere();
    const claim = await this.claim();
    await callPath(this.tx, this.c.editor, "claim.link", { claimId: claim.id, sameAsClaimId: published.id });
    return { claim, published };
  }
  /** An open "Already checked" suggestion on a draft (its sentence is secret) for a published claim. */
  async suggestion() {
    const published = await this.publishedElsewhere();
    const article = await this.article("draft");
    const [row] = await this.tx
      .insert(claimSuggestions)
      .values({ articleId: article.id, revisionId: article.revisionId, sentence: article.body, positionStart: 0, positionEnd: article.body.length, matchedClaimId: published.id, score: 0.9 })
      .returning({ id: claimSuggestions.id, articleId: claimSuggestions.articleId });
    return row!;
  }
  async slugOf(articleId: number): Promise<string> {
    const [row] = await query<{ slug: string }>(this.tx, sql`select slug from articles where id = ${articleId}`);
    return row!.slug;
  }
  /** Assigns a fresh claim to `recipient` (by another editor); returns the notification it got. */
  async notificationOf(recipient: UserActor): Promise<number> {
    const claim = await this.claim();
    const assigner = recipient.id === this.c.otherEditor.id ? this.c.editor : this.c.otherEditor;
    await callPath(this.tx, assigner, "claim.assign", { claimId: claim.id, version: claim.version, assigneeId: recipient.id });
    const [row] = await query<{ id: number }>(this.tx, sql`select n.id from notifications n join audit_events e on e.id = n.audit_event_id where e.claim_id = ${claim.id} and n.recipient_id = ${recipient.id}`);
    return row!.id;
  }
  targetUser() {
    return insertUser(this.tx, "reader", { email: `${this.token}@test.factdesk.org` });
  }
}

/** A valid input for every procedure, built on fresh fixtures, that makes sense for the callers allowed to use it. */
const INPUTS: Record<string, (fx: Fixtures) => Promise<unknown>> = {
  "article.listPublished": async (fx) => (await fx.article("draft"), undefined),
  "article.bySlug": async (fx) => ({ slug: (await fx.article()).slug }),
  "article.dashboard": async (fx) => (await fx.article("draft"), undefined),
  "article.import": async (fx) => ({ title: fx.secret("draft title"), slug: uniqueName("authz"), text: fx.secret("draft text") }),
  "article.preview": async (fx) => ({ title: fx.secret("draft title"), text: fx.secret("draft text") }),
  "article.fetchFromUrl": async () => ({ url: `${await fixtureSiteOrigin()}/news` }),
  "article.setStatus": async (fx) => ({ articleId: (await fx.article("draft")).id, status: "published" }),
  "article.edit": async (fx) => {
    const article = await fx.article("draft");
    return { articleId: article.id, version: 1, body: `${article.body}\n\n${fx.secret("added paragraph")}`, note: fx.secret("note") };
  },
  "article.revisions": async (fx) => ({ articleId: (await fx.article("draft")).id }),
  "article.revisionDiff": async (fx) => {
    const article = await fx.article("draft");
    return { articleId: article.id, from: article.revisionId, to: article.revisionId };
  },
  "claim.workspace": async (fx) => ({ articleId: (await fx.claimInReview()).articleId }),
  "claim.detail": async (fx) => ({ claimId: (await fx.claimInReview()).id }),
  "claim.myQueue": async (fx) => (await fx.claimInReview(), undefined),
  "claim.listDeleted": async (fx) => ({ articleId: (await fx.deletedClaim()).articleId }),
  "claim.mark": async (fx) => {
    const article = await fx.article();
    return { articleId: article.id, revisionId: article.revisionId, start: 0, end: 6, kind: "statistic", summary: fx.secret("summary") };
  },
  "claim.update": async (fx) => {
    const claim = await fx.claim();
    return { claimId: claim.id, version: claim.version, speaker: fx.secret("speaker") };
  },
  "claim.setVerdict": async (fx) => {
    const claim = await fx.claim();
    return { claimId: claim.id, version: claim.version, verdict: "false", rationale: fx.secret("rationale") };
  },
  "claim.changeStatus": async (fx) => {
    const claim = await fx.claim();
    return { claimId: claim.id, version: claim.version, status: "in_progress", comment: fx.secret("comment") };
  },
  "claim.review": async (fx) => {
    const claim = await fx.claimInReview();
    return { claimId: claim.id, version: claim.version, decision: "approve", comment: fx.secret("comment") };
  },
  "claim.assign": async (fx) => {
    const claim = await fx.claim();
    return { claimId: claim.id, version: claim.version, assigneeId: fx.c.otherEditor.id };
  },
  "claim.delete": async (fx) => {
    const claim = await fx.claim();
    return { claimId: claim.id, version: claim.version };
  },
  "claim.restore": async (fx) => ({ claimId: (await fx.deletedClaim()).id }),
  "claim.reattach": async (fx) => {
    const claim = await fx.claim();
    return { claimId: claim.id, version: claim.version, revisionId: claim.revisionId, start: 0, end: 6 };
  },
  "claim.similar": async (fx) => ({ claimId: (await fx.linkedClaim()).claim.id }),
  "claim.link": async (fx) => {
    const published = await fx.publishedElsewhere();
    return { claimId: (await fx.claim()).id, sameAsClaimId: published.id };
  },
  "claim.unlink": async (fx) => ({ claimId: (await fx.linkedClaim()).claim.id }),
  "claim.reuseVerdict": async (fx) => {
    const { claim, published } = await fx.linkedClaim();
    return { claimId: claim.id, version: claim.version, fromClaimId: published.id };
  },
  "claim.suggestions": async (fx) => ({ articleId: (await fx.suggestion()).articleId }),
  "claim.acceptSuggestion": async (fx) => ({ suggestionId: (await fx.suggestion()).id }),
  "claim.dismissSuggestion": async (fx) => ({ suggestionId: (await fx.suggestion()).id }),
  "evidence.attach": async (fx) => ({
    claimId: (await fx.claim()).id, url: `https://example.org/${fx.token}`, stance: "supports", excerpt: fx.secret("excerpt"), note: fx.secret("note"),
  }),
  "evidence.update": async (fx) => {
    const link = await fx.evidence();
    return { evidenceId: link.id, version: link.version, stance: "refutes", note: fx.secret("new note") };
  },
  "evidence.remove": async (fx) => {
    const link = await fx.evidence();
    return { evidenceId: link.id, version: link.version };
  },
  // A published article with a claim in review (secret rationale and note): nobody may see that claim here.
  "reader.view": async (fx) => ({ slug: await fx.slugOf((await fx.claimInReview()).articleId) }),
  "reader.article": async (fx) => ({ slug: await fx.slugOf((await fx.claimInReview()).articleId) }),
  "source.search": async (fx) => (await fx.evidence(), { query: fx.token }),
  // The claim in review, its evidence and a draft all carry the token: the public search must find none of them.
  "search.query": async (fx) => (await fx.claimInReview(), await fx.article("draft"), { q: fx.token }),
  "notification.list": async (fx) => (await fx.notificationOf(fx.c.editor), undefined),
  "notification.markRead": async (fx) => ({ notificationId: await fx.notificationOf(fx.c.editor) }),
  "source.deadEvidence": async () => undefined,
  "source.recapture": async (fx) => {
    await fx.evidence();
    const [row] = await query<{ id: number }>(fx.tx, sql`select id from sources where canonical_url = ${`https://example.org/${fx.token}`}`);
    return { sourceId: row!.id };
  },
  "source.checkLink": async (fx) => ({ sourceId: await fx.sourceId() }),
  "source.previewMetadata": async () => ({ url: `${await fixtureSiteOrigin()}/article` }),
  "source.list": async (fx) => (await fx.evidence(), { query: fx.token }),
  "source.update": async (fx) => ({ sourceId: await fx.sourceId(), notes: fx.secret("source notes") }),
  "audit.history": async (fx) => ({ articleId: (await fx.claim()).articleId }),
  "user.me": async () => undefined,
  "user.editors": async (fx) => (await fx.targetUser(), undefined),
  "user.list": async (fx) => (await fx.targetUser(), undefined),
  "user.create": async (fx) => ({ email: `${fx.token}@test.factdesk.org`, name: "Created by the matrix", role: "reader", password: "a long enough password" }),
  "user.setRole": async (fx) => ({ userId: (await fx.targetUser()).id, role: "editor" }),
  "user.deactivate": async (fx) => ({ userId: (await fx.targetUser()).id }),
  "user.resetPassword": async (fx) => ({ userId: (await fx.targetUser()).id, password: "another long password" }),
};

/** Object-level rules: same procedure, an object whose state or owner changes who may act on it. */
const OBJECT_CASES: Array<{ name: string; path: string; expected: Row; input: (fx: Fixtures) => Promise<unknown> }> = [
  {
    name: "article.bySlug of a draft is NOT_FOUND for everyone below editor (a guessed slug reveals nothing)",
    path: "article.bySlug",
    expected: { ...PUBLIC, anonymous: "NOT_FOUND", reader: "NOT_FOUND", deactivated: "NOT_FOUND", staleSession: "NOT_FOUND" },
    input: async (fx) => ({ slug: (await fx.article("draft")).slug }),
  },
  {
    name: "claim.review of an admin's own verdict: editors and the admin may approve it",
    path: "claim.review",
    expected: EDITORS,
    input: async (fx) => {
      const claim = await fx.claimInReview(fx.c.admin);
      return { claimId: claim.id, version: claim.version, decision: "approve", comment: fx.secret("comment") };
    },
  },
  {
    name: "claim.review of the other editor's verdict: now the first editor may, the other may not",
    path: "claim.review",
    expected: { ...EDITORS, otherEditor: "FORBIDDEN" },
    input: async (fx) => {
      const claim = await fx.claimInReview(fx.c.otherEditor);
      return { claimId: claim.id, version: claim.version, decision: "reject", comment: fx.secret("comment") };
    },
  },
  ...(["reader.view", "reader.article"] as const).map((path) => ({
    name: `${path} of a draft is nothing for everyone, editors included (the public outputs never show drafts)`,
    path,
    // reader.view answers null (the page caches that), reader.article NOT_FOUND (the routes answer 404).
    expected: path === "reader.view" ? PUBLIC : NOT_FOUND_FOR_ALL,
    input: async (fx: Fixtures) => ({ slug: (await fx.article("draft")).slug }),
  })),
  {
    name: "audit.history of a user account is for admins only",
    path: "audit.history",
    expected: ADMINS,
    input: async (fx) => ({ entityType: "user", entityId: (await fx.targetUser()).id }),
  },
  {
    name: "claim.detail of a deleted claim is NOT_FOUND even for editors and admins",
    path: "claim.detail",
    expected: { ...EDITORS, editor: "NOT_FOUND", otherEditor: "NOT_FOUND", admin: "NOT_FOUND" },
    input: async (fx) => ({ claimId: (await fx.deletedClaim()).id }),
  },
];

/** Callers that must never receive an editor-only text, whatever the procedure answered. */
const LOW: RoleKey[] = ["anonymous", "reader", "deactivated", "staleSession"];

let callers: Callers;
let checks = 0;
const procedures = routerProcedures();

beforeAll(async () => {
  const created = await createCallers(db);
  callers = created.callers;
  // Controls: the very claims that now resolve to anonymous resolved to the real user before the change.
  expect(created.controls.resolvesBeforeDeactivation).toMatchObject({ kind: "user", id: callers.deactivatedUser.id, role: "admin" });
  expect(created.controls.resolvesBeforeRoleChange).toMatchObject({ kind: "user", id: callers.staleUser.id, role: "admin" });
  expect(callers.staleUserNow).toMatchObject({ kind: "user", id: callers.staleUser.id, role: "editor" });
});

afterAll(() => {
  const roles = ROLE_KEYS.length;
  console.log(
    `authz matrix: ${procedures.length} procedures × ${roles} roles = ${procedures.length * roles} checks` +
      ` (+ ${OBJECT_CASES.length} object-level cases × ${roles} roles; ${checks} calls made in all)`,
  );
});

/** Runs `path` as every caller, each on fresh fixtures in a rolled-back transaction; returns the outcome row. */
async function outcomesFor(path: string, input: (fx: Fixtures) => Promise<unknown>): Promise<Row> {
  const row = {} as Row;
  for (const role of ROLE_KEYS) {
    row[role] = await inRollback(db, async (tx) => {
      const fx = new Fixtures(tx, callers);
      const value = await input(fx);
      const actor: Actor = callers.actors[role];
      const result = await settle(callPath(tx, actor, path, value));
      checks++;
      const label = `${path} as ${role}`;
      if (result.outcome === "ok") {
        if (path === "user.me") expect(result.value === null, `${label} returns null only when signed out`).toBe(actor.kind !== "user");
      } else {
        expect(refusalProblems(result.error, path, value), label).toEqual([]);
      }
      if (LOW.includes(role)) {
        const seen = JSON.stringify(result.outcome === "ok" ? result.value : { message: result.error.message });
        expect(seen.includes(fx.token), `${label} leaks an editor-only text: ${seen.slice(0, 300)}`).toBe(false);
      }
      return result.outcome;
    });
  }
  return row;
}

describe("the authorization matrix", () => {
  it("has a row for every procedure of appRouter, and no row for a procedure that does not exist", () => {
    const paths = procedures.map((p) => p.path).sort();
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !EXPECTED[path]), "procedures without a row in EXPECTED").toEqual([]);
    expect(Object.keys(EXPECTED).filter((path) => !paths.includes(path)), "rows in EXPECTED for procedures that do not exist").toEqual([]);
    expect(Object.keys(INPUTS).sort()).toEqual(paths);
    expect(OBJECT_CASES.filter((c) => !paths.includes(c.path))).toEqual([]);
  });

  it("the deactivated and stale-session callers are whatever resolveActor says: signed out", () => {
    expect(callers.actors.deactivated).toEqual({ kind: "anonymous" });
    expect(callers.actors.staleSession).toEqual({ kind: "anonymous" });
  });

  describe.each(procedures.map((p) => p.path))("%s", (path) => {
    it("answers every caller as declared", async () => {
      const expected = EXPECTED[path];
      const input = INPUTS[path];
      if (!expected || !input) throw new Error(`${path} has no row in EXPECTED or INPUTS: declare who may call it.`);
      expect(await outcomesFor(path, input)).toEqual(expected);
    });
  });

  describe.each(OBJECT_CASES)("$name", ({ path, expected, input }) => {
    it("answers every caller as declared", async () => {
      expect(await outcomesFor(path, input)).toEqual(expected);
    });
  });
});

describe("guessing ids and slugs", () => {
  const refused = (outcome: Outcome) => outcome === "UNAUTHORIZED" || outcome === "FORBIDDEN";

  it("claim.detail and claim.workspace for every id 1..max+5 are refused to readers, anonymous, deactivated and stale callers", () =>
    inRollback(db, async (tx) => {
      // Something worth finding at the top of the range: a claim in review with a secret rationale and note.
      const fx = new Fixtures(tx, callers);
      await fx.claimInReview();
      const [max] = await query<{ claims: number; articles: number }>(
        tx,
        sql`select (select coalesce(max(id), 0) from claims)::int as claims, (select coalesce(max(id), 0) from articles)::int as articles`,
      );
      const seen = new Map<string, number>();
      for (const role of LOW) {
        for (const [path, top, key] of [["claim.detail", max!.claims, "claimId"], ["claim.workspace", max!.articles, "articleId"]] as const) {
          for (let id = 1; id <= top + 5; id++) {
            const result = await settle(callPath(tx, callers.actors[role], path, { [key]: id }));
            const tally = `${path} as ${role}: ${result.outcome}`;
            seen.set(tally, (seen.get(tally) ?? 0) + 1);
            if (!refused(result.outcome)) expect.fail(`${path} ${key}=${id} as ${role} answered ${result.outcome}`);
          }
        }
      }
      expect(max!.claims).toBeGreaterThan(0);
      expect([...seen.keys()].every((k) => /: (UNAUTHORIZED|FORBIDDEN)$/.test(k))).toBe(true);
    }));

  it("every draft slug in the database is NOT_FOUND for readers, anonymous, deactivated and stale callers", () =>
    inRollback(db, async (tx) => {
      const fx = new Fixtures(tx, callers);
      await fx.article("draft");
      const drafts = await query<{ slug: string }>(tx, sql`select slug from articles where status = 'draft'`);
      expect(drafts.length).toBeGreaterThan(0);
      for (const role of LOW) {
        for (const { slug } of drafts) {
          const result = await settle(callPath(tx, callers.actors[role], "article.bySlug", { slug }));
          expect(result.outcome, `article.bySlug(${slug}) as ${role}`).toBe("NOT_FOUND");
        }
      }
    }));

  it("user.editors gives editors names, never email addresses; user.list (with emails) is admin-only", () =>
    inRollback(db, async (tx) => {
      const editors = (await callPath(tx, callers.editor, "user.editors", undefined)) as Array<Record<string, unknown>>;
      expect(editors.map((e) => e.id)).toContain(callers.otherEditor.id);
      const json = JSON.stringify(editors);
      expect(json).not.toMatch(/@test\.factdesk\.org|"email"/);
      for (const role of ["editor", "otherEditor", ...LOW] as const) {
        expect((await settle(callPath(tx, callers.actors[role], "user.list", undefined))).outcome, role).not.toBe("ok");
      }
    }));
});
