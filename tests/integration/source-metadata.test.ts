import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { publishers, sourceCaptures, sources } from "@/db/schema";
import { captureSource, requestFirstCaptures, RetryableCaptureError } from "@/server/services/archive/capture-source";
import { checkSourceLink } from "@/server/services/archive/check-link";
import { expiryKeysFor } from "@/server/http/public-change";
import { createArticle, mark, publishedClaim, recordingCache } from "./claims-fixtures";
import { fixtureSiteFetcher, fixtureSiteOrigin } from "./fixture-site";
import { callerFor, createTestUser, openTestDatabase, query, rejectionOf, systemActor, uniqueName } from "./helpers";

const { db } = await openTestDatabase();
const origin = await fixtureSiteOrigin();

describe("source.previewMetadata", () => {
  it("reads a pasted page's own metadata through the fetcher", async () => {
    const editor = await createTestUser(db, "editor");
    const url = `${origin}/article?utm_source=newsletter`;
    expect(await callerFor(db, editor).source.previewMetadata({ url })).toEqual({
      url,
      finalUrl: url,
      title: "Unemployment falls to 4.1%, lowest since 2008",
      publisherName: "The Daily Ledger",
      author: "Mina Okafor, Jonas Berg",
      publishedOn: "2024-03-05",
      type: "article",
    });
  });

  it("says what to do when the page cannot be read: refused address, 404, not a URL", async () => {
    const caller = callerFor(db, await createTestUser(db, "editor"));
    const gone = await rejectionOf(caller.source.previewMetadata({ url: `${origin}/gone` }));
    expect(gone).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/answered 404.*Fill them in by hand/) });
    const loopback = await rejectionOf(caller.source.previewMetadata({ url: "http://127.0.0.1:9/page" }));
    expect(loopback).toMatchObject({ code: "BAD_REQUEST" });
    const metadataService = await rejectionOf(caller.source.previewMetadata({ url: "http://169.254.169.254/latest/meta-data/" }));
    expect(metadataService).toMatchObject({ code: "BAD_REQUEST" });
    expect(await rejectionOf(caller.source.previewMetadata({ url: "not a link" }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("evidence.attach with the page's details", () => {
  it("fills in title, author, date, type and a new publisher's name; a later citation overwrites none of them", async () => {
    const editor = await createTestUser(db, "editor");
    const article = await createArticle(db);
    const first = await mark(db, editor, article, "Ninety percent");
    const second = await mark(db, editor, article, "The budget grew");
    const host = `${uniqueName("ledger")}.example`;
    const url = `https://${host}/2024/unemployment`;
    const caller = callerFor(db, editor);
    const details = { sourceTitle: "Unemployment falls", sourceAuthor: "Mina Okafor", sourcePublishedOn: "2024-03-05", sourceType: "dataset" as const, sourcePublisherName: "The Daily Ledger" };
    const attached = await caller.evidence.attach({ claimId: first.id, url, stance: "supports", ...details });
    expect(attached.source).toMatchObject({ title: "Unemployment falls", author: "Mina Okafor", publishedOn: "2024-03-05", type: "dataset" });
    const [publisher] = await db.select().from(publishers).where(eq(publishers.domain, host));
    expect(publisher?.name).toBe("The Daily Ledger");
    const audit = await query<{ action: string; after: unknown }>(db, sql`select action, after from audit_events where entity_type = 'source' and entity_id = ${attached.source.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(["source.created", "source.titled", "source.capture_requested", "source.updated"]);
    expect(audit[3]!.after).toEqual({ author: "Mina Okafor", publishedOn: "2024-03-05", type: "dataset" });

    await caller.evidence.attach({ claimId: second.id, url, stance: "context", sourceTitle: "Other", sourceAuthor: "Someone else", sourcePublishedOn: "2020-01-01", sourceType: "video", sourcePublisherName: "Renamed" });
    const [kept] = await db.select().from(sources).where(eq(sources.id, attached.source.id));
    expect(kept).toMatchObject({ title: "Unemployment falls", author: "Mina Okafor", publishedOn: "2024-03-05", type: "dataset" });
    const [samePublisher] = await db.select().from(publishers).where(eq(publishers.domain, host));
    expect(samePublisher?.name).toBe("The Daily Ledger");
  });

  it("refuses a date that is not a date, with a message", async () => {
    const editor = await createTestUser(db, "editor");
    const claim = await mark(db, editor, await createArticle(db), "Critics called");
    const error = await rejectionOf(callerFor(db, editor).evidence.attach({ claimId: claim.id, url: `https://example.org/${uniqueName("d")}`, stance: "context", sourcePublishedOn: "5 March" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("2026-03-14") });
  });
});

async function sourceAt(path: string): Promise<number> {
  // Inserted directly: a fixture-site URL is fine for the canonicaliser, but the capture row is what is under test.
  const [row] = await db.insert(sources).values({ canonicalUrl: `${origin}${path}?${uniqueName("v")}` }).returning({ id: sources.id });
  return row!.id;
}

describe("a capture that fails", () => {
  const captureState = async (sourceId: number) => (await db.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId)))[0];
  const failures = (sourceId: number) =>
    query<{ after: { error: string } }>(db, sql`select after from audit_events where action = 'source.capture_failed' and entity_id = ${sourceId}`);

  it("is retried while attempts remain, then marked failed with one source.capture_failed row", async () => {
    const sourceId = await sourceAt("/gone");
    await requestFirstCaptures(db, systemActor, [sourceId]);
    await expect(captureSource({ db, fetcher: fixtureSiteFetcher }, sourceId)).rejects.toBeInstanceOf(RetryableCaptureError);
    expect(await captureState(sourceId)).toMatchObject({ state: "queued", attempts: 1, lastError: expect.stringContaining("404") });
    expect(await failures(sourceId)).toEqual([]);

    // The last attempt still throws (pg-boss records the job as failed), and the capture is given up.
    await expect(captureSource({ db, fetcher: fixtureSiteFetcher }, sourceId, { finalAttempt: true })).rejects.toThrow(/404/);
    expect(await captureState(sourceId)).toMatchObject({ state: "failed", attempts: 2 });
    const rows = await failures(sourceId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.after.error).toContain("404");
  });

  it("fails at once, without retries, when no attempt can succeed (a refused address)", async () => {
    const [row] = await db.insert(sources).values({ canonicalUrl: `http://10.0.0.7/${uniqueName("intranet")}` }).returning({ id: sources.id });
    await requestFirstCaptures(db, systemActor, [row!.id]);
    const outcome = await captureSource({ db, fetcher: fixtureSiteFetcher }, row!.id);
    expect(outcome).toEqual({ kind: "failed", error: expect.stringContaining("private network") });
    expect(await captureState(row!.id)).toMatchObject({ state: "failed", attempts: 1 });
    expect(await failures(row!.id)).toHaveLength(1);
  });
});

describe("a source that goes dead", () => {
  it("expires the reader pages of the published articles citing it, once when it dies and once when it comes back", async () => {
    const author = await createTestUser(db, "editor");
    const reviewer = await createTestUser(db, "editor");
    const published = await createArticle(db);
    const draft = await createArticle(db, { status: "draft" });
    const { evidence } = await publishedClaim(db, author, reviewer, published);
    const draftClaim = await mark(db, author, draft, "Critics called");
    await callerFor(db, author).evidence.attach({ claimId: draftClaim.id, sourceId: evidence.sourceId, stance: "context" });
    // The published claim's source now answers 404 (the fixture site serves /gone so).
    const gone = `${origin}/gone?${uniqueName("dead")}`;
    await db.update(sources).set({ url: gone, canonicalUrl: gone, originalUrls: [] }).where(eq(sources.id, evidence.sourceId));

    const cache = recordingCache();
    const rule = { deadAfterFailures: 2, deadAfterDays: 0 };
    const check = () => checkSourceLink({ db, fetcher: fixtureSiteFetcher, rule, publicCache: cache }, evidence.sourceId);
    expect((await check())?.standing.health).toBe("failing");
    const told = [{ sourceIds: [evidence.sourceId] }];
    expect(cache.changes).toEqual([]);
    expect((await check())?.standing.health).toBe("dead");
    expect(cache.changes).toEqual(told);
    // What that expires: the published article's pages, not the draft's (readers never see it).
    const keys = await expiryKeysFor(db, told[0]!);
    expect(keys).toContain(`article:${published.slug}`);
    expect(keys).not.toContain(`article:${draft.slug}`);
    expect((await check())?.standing.health).toBe("dead");
    expect(cache.changes).toEqual(told);

    const back = `${origin}/back?${uniqueName("back")}`;
    await db.update(sources).set({ url: back, canonicalUrl: back, originalUrls: [] }).where(eq(sources.id, evidence.sourceId));
    expect((await check())?.standing.health).toBe("ok");
    expect(cache.changes).toEqual([...told, ...told]);
  });

  it("source.checkLink lets an admin check a link now, with the configured rule", async () => {
    const admin = await createTestUser(db, "admin");
    const sourceId = await sourceAt("/article");
    expect(await callerFor(db, admin).source.checkLink({ sourceId })).toEqual({ sourceId, outcome: "ok", health: "ok", error: null });
    expect(await rejectionOf(callerFor(db, admin).source.checkLink({ sourceId: 2_000_000_000 }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
