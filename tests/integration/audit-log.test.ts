import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, publishers, sources, users } from "@/db/schema";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { auditor } from "./audit-fixtures";
import { createArticle, mark, namedUser, publishedClaim, writerOf, type TestArticle } from "./claims-fixtures";
import { callerFor, createTestUser, inRollback, openTestDatabase, systemActor, uniqueEmail, uniqueName } from "./helpers";

// The audit log beyond claims: users and roles, articles and their revisions, the source and publisher
// registry. Exactly one row per change, none for refusals or no-ops, and each entity's history reads back
// with the labels of the typed action list. (Claims and evidence: claims-audit.test.ts.)
const { db } = await openTestDatabase();

/** Every action the tests in this file saw written, for the last test. */
const seen = new Set<AuditAction>();

describe("the audit log for users and roles", () => {
  it("create, set role, reset password and deactivate each write one row; no-ops and refusals none", () =>
    inRollback(db, async (tx) => {
      const adminActor = await namedUser(tx, "admin", "Admin");
      const admin = callerFor(tx, adminActor).user;
      const editorActor = await createTestUser(tx, "editor");
      const editor = callerFor(tx, editorActor).user;
      const expectAudit = auditor(tx, seen);
      const email = uniqueEmail("audited");
      const password = "a long enough password";

      const { result: person, rows: created } = await expectAudit("create", "user.created", () => admin.create({ email, name: "Ana Rivera", role: "reader", password }));
      expect(created[0]).toMatchObject({ entityType: "user", entityId: person.id, actorId: adminActor.id, actorLabel: null, before: null, after: { email, name: "Ana Rivera", role: "reader" } });
      await expectAudit("create the same email", null, () => admin.create({ email, name: "Ana again", role: "reader", password }), "CONFLICT");
      await expectAudit("create as an editor", null, () => editor.create({ email: uniqueEmail("nope"), name: "No", role: "admin", password }), "FORBIDDEN");

      const { rows: roles } = await expectAudit("set role", "user.role_changed", () => admin.setRole({ userId: person.id, role: "editor" }));
      expect(roles[0]).toMatchObject({ entityId: person.id, before: { role: "reader" }, after: { role: "editor" } });
      await expectAudit("set the same role", null, () => admin.setRole({ userId: person.id, role: "editor" }));
      await expectAudit("set role of nobody", null, () => admin.setRole({ userId: 2_000_000_000, role: "editor" }), "NOT_FOUND");

      const { rows: resets } = await expectAudit("reset password", "user.password_reset", () => admin.resetPassword({ userId: person.id, password: "another long password" }));
      const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, person.id));
      expect(JSON.stringify(resets)).not.toContain(hash!.passwordHash);
      expect(JSON.stringify(resets)).not.toContain("another long password");
      await expectAudit("reset password as an editor", null, () => editor.resetPassword({ userId: person.id, password: "yet another password" }), "FORBIDDEN");

      await expectAudit("deactivate", "user.deactivated", () => admin.deactivate({ userId: person.id }));
      await expectAudit("deactivate again", null, () => admin.deactivate({ userId: person.id }));

      // The account's history, in order, in words; a user's history is for admins only.
      const history = await callerFor(tx, adminActor).audit.history({ entityType: "user", entityId: person.id });
      expect(history.map((h) => [h.actorName, h.label])).toEqual([
        [adminActor.name, "created the account"],
        [adminActor.name, "changed the role"],
        [adminActor.name, "reset the password"],
        [adminActor.name, "deactivated the account"],
      ]);
      await expectAudit("history as an editor", null, () => callerFor(tx, editorActor).audit.history({ entityType: "user", entityId: person.id }), "FORBIDDEN");
    }));

  it("the operator CLI and first start act as the system: the row names them by label", () =>
    inRollback(db, async (tx) => {
      const expectAudit = auditor(tx, seen);
      const { result: person, rows } = await expectAudit("create as the system", "user.created", () => createTestUser(tx, "editor"));
      expect(rows[0]).toMatchObject({ entityId: person.id, actorId: null, actorLabel: "integration test" });
      const history = await callerFor(tx, systemActor).audit.history({ entityType: "user", entityId: person.id });
      expect(history).toMatchObject([{ actorName: null, actorLabel: "integration test", label: "created the account" }]);
    }));
});

describe("the audit log for articles, revisions, sources and publishers", () => {
  it("import writes the article, its revision and every new registry entry once; status changes one row each", () =>
    inRollback(db, async (tx) => {
      const editorActor = await namedUser(tx, "editor", "Editor");
      const editor = callerFor(tx, editorActor);
      const reader = callerFor(tx, await createTestUser(tx, "reader"));
      const expectAudit = auditor(tx, seen);
      const host = `${uniqueName("news")}.example.org`;
      const slug = uniqueName("audited");
      const text = `Ninety percent of voters back the plan.\nhttps://${host}/report\n\nSpending rose.\nhttps://${host}/budget`;
      const input = { title: "Audited", slug, text, publisher: { domain: host, name: "News" } };

      const { result: article, rows } = await expectAudit("import", ["publisher.created", "article.imported", "revision.created", "source.created", "source.created"], () =>
        editor.article.import(input),
      );
      expect(rows.every((r) => r.actorId === editorActor.id)).toBe(true);
      expect(rows[1]).toMatchObject({ entityType: "article", entityId: article.id, articleId: article.id, after: { slug, title: "Audited", status: "draft", citedSources: 2 } });
      expect(rows[2]).toMatchObject({ entityType: "revision", entityId: article.revisionId, articleId: article.id, after: { note: "Imported" } });
      // Publishers and sources belong to the registry, not to the article that first cited them.
      expect(rows[0]).toMatchObject({ entityType: "publisher", articleId: null, after: { domain: host, name: "News" } });
      expect(rows.slice(3).map((r) => r.after)).toMatchObject([{ url: `https://${host}/report` }, { url: `https://${host}/budget` }]);
      await expectAudit("import the same slug", null, () => editor.article.import(input), "CONFLICT");
      await expectAudit("import as a reader", null, () => reader.article.import({ ...input, slug: uniqueName("reader") }), "FORBIDDEN");

      const { rows: published } = await expectAudit("publish", "article.status_changed", () => editor.article.setStatus({ articleId: article.id, status: "published" }));
      expect(published[0]).toMatchObject({ entityId: article.id, articleId: article.id, before: { status: "draft" }, after: { status: "published" } });
      await expectAudit("publish again", null, () => editor.article.setStatus({ articleId: article.id, status: "published" }));
      await expectAudit("publish nothing", null, () => editor.article.setStatus({ articleId: 2_000_000_000, status: "published" }), "NOT_FOUND");
      await expectAudit("unpublish as a reader", null, () => reader.article.setStatus({ articleId: article.id, status: "draft" }), "FORBIDDEN");
      await expectAudit("unpublish", "article.status_changed", () => editor.article.setStatus({ articleId: article.id, status: "draft" }));

      // The article's history gathers its own rows and its claims' (but not the registry's), labelled.
      const body = "Ninety percent of voters back the plan.\n\nSpending rose.";
      const testArticle: TestArticle = { id: article.id, slug, revisionId: article.revisionId, body };
      await expectAudit("mark", "claim.created", () => mark(tx, editorActor, testArticle, "Ninety percent"));
      const history = await editor.audit.history({ articleId: article.id });
      expect(history.map((h) => h.label)).toEqual([
        "imported the article",
        "saved a revision of the text",
        "changed the article's status",
        "changed the article's status",
        "marked the claim",
      ]);
    }));

  it("evidence with a new spelling of a known URL records the spelling; naming an untitled source records the title", () =>
    inRollback(db, async (tx) => {
      const editorActor = await namedUser(tx, "editor", "Editor");
      const editor = callerFor(tx, editorActor);
      const expectAudit = auditor(tx, seen);
      const host = `${uniqueName("registry")}.example.org`;
      const { result: article } = await expectAudit("import", ["article.imported", "revision.created"], () =>
        editor.article.import({ title: "Registry", slug: uniqueName("registry"), text: "Ninety percent agree." }),
      );
      const testArticle: TestArticle = { id: article.id, slug: "", revisionId: article.revisionId, body: "Ninety percent agree." };
      const { result: claim } = await expectAudit("mark", "claim.created", () => mark(tx, editorActor, testArticle, "Ninety percent"));
      const url = `https://${host}/report`;

      const { result: first, rows } = await expectAudit("attach a new URL with a title", ["publisher.created", "source.created", "source.titled", "evidence.added", "source.capture_requested"], () =>
        editor.evidence.attach({ claimId: claim.id, url, sourceTitle: "The report", stance: "refutes" }),
      );
      expect(rows[2]).toMatchObject({ entityType: "source", entityId: first.sourceId, before: { title: null }, after: { title: "The report" } });
      expect(rows[3]).toMatchObject({ entityType: "evidence", entityId: first.id, claimId: claim.id, articleId: article.id });
      await expectAudit("attach the same URL, title given again", "evidence.added", () => editor.evidence.attach({ claimId: claim.id, url, sourceTitle: "Another title", stance: "context", locator: "p. 2" }));
      const { rows: spelled } = await expectAudit("attach another spelling", ["source.url_added", "evidence.added"], () =>
        editor.evidence.attach({ claimId: claim.id, url: `${url}?utm_source=newsletter`, stance: "supports", locator: "p. 3" }),
      );
      expect(spelled[0]).toMatchObject({ entityId: first.sourceId, before: { originalUrls: [url] }, after: { originalUrls: [url, `${url}?utm_source=newsletter`] } });
      await expectAudit("attach that spelling again", "evidence.added", () => editor.evidence.attach({ claimId: claim.id, url: `${url}?utm_source=newsletter`, stance: "supports", locator: "p. 4" }));

      const adminCaller = callerFor(tx, await createTestUser(tx, "admin"));
      const { rows: edited } = await expectAudit("an admin edits the registry entry", "source.updated", () => adminCaller.source.update({ sourceId: first.sourceId, linkStatus: "ok", notes: "Checked" }));
      expect(edited[0]).toMatchObject({ entityId: first.sourceId, before: { linkStatus: "unchecked", notes: null }, after: { linkStatus: "ok", notes: "Checked" } });
      await expectAudit("the same edit again", null, () => adminCaller.source.update({ sourceId: first.sourceId, linkStatus: "ok", notes: "Checked" }));
      await expectAudit("an editor edits the registry entry", null, () => editor.source.update({ sourceId: first.sourceId, notes: "No" }), "FORBIDDEN");

      const sourceHistory = await editor.audit.history({ entityType: "source", entityId: first.sourceId });
      expect(sourceHistory.map((h) => h.label)).toEqual([
        "added the source to the registry", "gave the source a title", "asked for an archived copy of the source", "recorded another address of the source",
        "edited the source in the registry",
      ]);
    }));
});

describe("the audit log for merges and publisher ratings", () => {
  it("a merge, its undo, a rating and a rename write one row each; refusals none", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const expectAudit = auditor(tx, seen);
      const host = `${uniqueName("merge")}.example.org`;
      const [survivor, duplicate] = await tx
        .insert(sources)
        .values([{ canonicalUrl: `https://${host}/a`, title: "Twin" }, { canonicalUrl: `https://${host}/b`, title: "Twin" }])
        .returning({ id: sources.id });
      const { rows } = await expectAudit("merge", "source.merged", () => admin.source.merge({ survivorId: survivor!.id, duplicateId: duplicate!.id }));
      await expectAudit("merge again", null, () => admin.source.merge({ survivorId: survivor!.id, duplicateId: duplicate!.id }), "CONFLICT");
      await expectAudit("undo the merge", "source.unmerged", () => admin.source.unmerge({ auditEventId: rows[0]!.id as number }));
      const [publisher] = await tx.insert(publishers).values({ domain: host, name: "Merge Press" }).returning({ id: publishers.id });
      await expectAudit("rate", "publisher.rated", () => admin.publisher.rate({ publisherId: publisher!.id, rating: "high", rationale: "Corrects errors promptly.", ratedOn: "2026-01-02" }));
      await expectAudit("rate without a rationale", null, () => admin.publisher.rate({ publisherId: publisher!.id, rating: "low", rationale: "", ratedOn: "2026-01-02" }), "BAD_REQUEST");
      await expectAudit("rename", "publisher.renamed", () => admin.publisher.rename({ publisherId: publisher!.id, name: "Merge Press Ltd" }));
      await expectAudit("rename to the same name", null, () => admin.publisher.rename({ publisherId: publisher!.id, name: "Merge Press Ltd" }));
    }));
});

describe("the audit log for claim memory suggestions", () => {
  it("dismissing an Already checked suggestion writes one article row; a second dismissal or a refusal none", () =>
    inRollback(db, async (tx) => {
      const author = await namedUser(tx, "editor", "Author");
      const reviewer = await namedUser(tx, "editor", "Reviewer");
      const expectAudit = auditor(tx, seen);
      const claimText = "Moscow has amassed some 100,000 troops close to the border with Dingoland and in annexed Crimea.";
      const first = await createArticle(tx, { text: claimText });
      await publishedClaim(tx, author, reviewer, first, { text: claimText });
      const second = await createArticle(tx, { status: "draft", text: "Russia has massed a hundred thousand soldiers near the Dingoland border and in Crimea, officials said." });
      const editor = callerFor(tx, author);
      const [suggestion] = await editor.claim.suggestions({ articleId: second.id });
      const reader = callerFor(tx, await createTestUser(tx, "reader"));
      await expectAudit("dismiss as a reader", null, () => reader.claim.dismissSuggestion({ suggestionId: suggestion!.id }), "FORBIDDEN");
      const { rows } = await expectAudit("dismiss", "article.suggestion_dismissed", () => editor.claim.dismissSuggestion({ suggestionId: suggestion!.id }));
      expect(rows[0]).toMatchObject({ entityType: "article", entityId: second.id, articleId: second.id, actorId: author.id, after: { suggestionId: suggestion!.id } });
      await expectAudit("dismiss again", null, () => editor.claim.dismissSuggestion({ suggestionId: suggestion!.id }), "CONFLICT");
      const history = await editor.audit.history({ articleId: second.id });
      expect(history.map((h) => h.label)).toContain("dismissed an \"Already checked\" suggestion");
    }));
});

describe("one transaction", () => {
  it("each change to a user or an article and its audit row are written by the same transaction", async () => {
    // Committed for real (no surrounding transaction): xmin is the id of the transaction that wrote a row.
    const lastRowOf = async (entityType: "user" | "article", entityId: number) => {
      const [row] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId))).orderBy(desc(auditEvents.id)).limit(1);
      return writerOf(db, "audit_events", row!.id);
    };
    const admin = callerFor(db, await createTestUser(db, "admin"));
    const person = await admin.user.create({ email: uniqueEmail("xmin"), name: "X", role: "reader", password: "a long enough password" });
    const created = await lastRowOf("user", person.id);
    expect(created).toBe(await writerOf(db, "users", person.id));
    await admin.user.setRole({ userId: person.id, role: "editor" });
    expect(await lastRowOf("user", person.id)).toBe(await writerOf(db, "users", person.id));
    expect(await lastRowOf("user", person.id)).not.toBe(created);

    const article = await admin.article.import({ title: "Xmin", slug: uniqueName("xmin"), text: "Some text." });
    const imported = await lastRowOf("article", article.id);
    expect(imported).toBe(await writerOf(db, "articles", article.id));
    await admin.article.setStatus({ articleId: article.id, status: "published" });
    expect(await lastRowOf("article", article.id)).toBe(await writerOf(db, "articles", article.id));
    expect(await lastRowOf("article", article.id)).not.toBe(imported);
  });
});

describe("the action list", () => {
  it("every action outside claims and evidence (claims-audit.test.ts) was written by a test above", () => {
    // Fails when an action is added to lib/audit/actions.ts without a test here of the change that writes it.
    // The archive jobs' own actions are checked where the jobs run: source.archived in source-archive.test.ts,
    // source.link_status_changed in link-check.test.ts. source.capture_failed has no test yet (issue 12 is open).
    const byJobs = new Set(["source.archived", "source.capture_failed", "source.link_status_changed"]);
    const untested = AUDIT_ACTIONS.filter((a) => !seen.has(a) && !byJobs.has(a) && !a.startsWith("claim.") && !a.startsWith("evidence."));
    expect(untested).toEqual([]);
  });
});
