import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { sourceCaptures, sourceSnapshots, sources } from "@/db/schema";
import { createCaller } from "@/server/routers/_app";
import { createFetcher } from "@/server/fetch";
import { archiveResponse } from "@/server/http/archive-response";
import { createJobQueue, QUEUES, type JobQueue } from "@/server/jobs/queue";
import { DEFAULT_JOB_SETTINGS } from "@/server/jobs/settings";
import type { Actor } from "@/server/actor";
import { createArticle, mark } from "./claims-fixtures";
import { createTestUser, openIsolatedDatabaseHandle, query, uniqueName } from "./helpers";

// A database of its own: a starting queue picks up every capture still outstanding, and the other files'
// evidence (attached without a queue) would put hundreds of them ahead of this file's.
const handle = await openIsolatedDatabaseHandle();
const { db } = handle;

/** A page the test server serves, with a script a sandboxed copy must never run. */
const PAGE = `<!doctype html><html><head><title>Budget report</title><script>document.title="ran"</script></head><body class="x"><h1>Budget</h1></body></html>`;

// The origin the captures fetch from: a loopback server, opened to the fetcher for this port only.
const held: http.ServerResponse[] = [];
let holdNext = false;
let requests = 0;
const server = http.createServer((req, res) => {
  requests++;
  if (holdNext) {
    holdNext = false;
    held.push(res); // never answered: the capture is cut off mid-fetch
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "set-cookie": "tracker=1" });
  res.end(PAGE);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
const fetcher = createFetcher({ testOnlyAllow: [{ address: "127.0.0.1", port }] });
const settings = { ...DEFAULT_JOB_SETTINGS, captureRetryDelaySeconds: 1, hostGapMs: 0 };
const queues: JobQueue[] = [];
afterAll(async () => {
  for (const queue of queues) await queue.stop({ timeoutMs: 1000 });
  for (const res of held) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function startQueue(): Promise<JobQueue> {
  const queue = createJobQueue({ db, queueDatabase: handle.queueDatabase, fetcher, settings, schedule: false });
  await queue.start();
  queues.push(queue);
  return queue;
}

/** Polls until `probe` returns something truthy (a job finishing in the background), or fails after `ms`. */
async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function newSource(): Promise<number> {
  // Inserted directly: the canonicaliser (rightly) refuses a loopback URL as evidence.
  const [row] = await db.insert(sources).values({ canonicalUrl: `http://127.0.0.1:${port}/${uniqueName("report")}` }).returning({ id: sources.id });
  return row!.id;
}

function callerWithJobs(actor: Actor, queue: JobQueue) {
  return createCaller({ db, actor, requestId: randomUUID(), jobs: queue });
}

const snapshotsOf = (sourceId: number) => db.select().from(sourceSnapshots).where(eq(sourceSnapshots.sourceId, sourceId));

describe("archived copy at citation time", () => {
  it("citing a new source stores exactly one snapshot, served sandboxed with a banner and no cookie", async () => {
    const queue = await startQueue();
    const editor = await createTestUser(db, "editor");
    const article = await createArticle(db);
    const first = await mark(db, editor, article, "Ninety percent");
    const second = await mark(db, editor, article, "The budget grew");
    const sourceId = await newSource();

    await callerWithJobs(editor, queue).evidence.attach({ claimId: first.id, sourceId, stance: "supports" });
    await callerWithJobs(editor, queue).evidence.attach({ claimId: second.id, sourceId, stance: "context" });
    const capture = await eventually(async () => {
      const [row] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId));
      return row?.state === "archived" && row;
    }, "the capture");
    expect(capture.attempts).toBe(1);
    const snapshots = await snapshotsOf(sourceId);
    expect(snapshots).toHaveLength(1);
    const [snapshot] = snapshots;
    expect(snapshot).toMatchObject({ httpStatus: 200, contentType: "text/html", finalUrl: `http://127.0.0.1:${port}/${snapshot!.requestedUrl.split("/").pop()}` });
    expect(snapshot!.document.toString("utf8")).toBe(PAGE);
    expect(snapshot!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const audit = await query<{ action: string }>(db, sql`select action from audit_events where entity_type = 'source' and entity_id = ${sourceId} order by id`);
    expect(audit.map((a) => a.action)).toEqual(["source.capture_requested", "source.archived"]);

    const response = await archiveResponse(db, snapshot!.publicId);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp.split(";").map((d) => d.trim())).toContain("sandbox");
    expect(csp).not.toContain("allow-scripts");
    expect(csp).not.toContain("allow-same-origin");
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain(`Captured ${snapshot!.fetchedAt.toISOString().slice(0, 10)}`);
    expect(html).toContain(snapshot!.requestedUrl);
    expect(html.indexOf("Archived copy kept by Factdesk")).toBeGreaterThan(html.indexOf('<body class="x">'));
    // An id that is not a snapshot's, or not an id at all, finds nothing.
    expect((await archiveResponse(db, randomUUID())).status).toBe(404);
    expect((await archiveResponse(db, String(snapshot!.id))).status).toBe(404);
  });

  it("a queue stopped mid-capture (server restart) leaves the job to be retried by the next queue, not lost", async () => {
    const editor = await createTestUser(db, "editor");
    const claim = await mark(db, editor, await createArticle(db), "Critics called");
    const sourceId = await newSource();
    const before = requests;
    holdNext = true;
    const first = await startQueue();
    await callerWithJobs(editor, first).evidence.attach({ claimId: claim.id, sourceId, stance: "refutes" });
    await eventually(async () => requests > before && held.length > 0, "the capture to reach the server");

    await first.stop({ timeoutMs: 1000 });
    // The process is gone: so is its connection to the site, and the cut-off attempt fails.
    for (const res of held.splice(0)) res.destroy();
    const cutOff = await eventually(async () => {
      const [row] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId));
      return row?.state === "queued" && row;
    }, "the cut-off attempt to give the capture back");
    expect(cutOff.lastError).toMatch(/127\.0\.0\.1/);
    expect(await snapshotsOf(sourceId)).toHaveLength(0);
    // pg-boss kept the job, failed back for a retry rather than dropped.
    const jobs = await query<{ state: string }>(db, sql`select state from pgboss.job where name = ${QUEUES.capture} and data->>'sourceId' = ${String(sourceId)}`);
    expect(jobs.map((j) => j.state)).toEqual(["retry"]);

    await startQueue(); // the restarted server
    await eventually(async () => {
      const [row] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId));
      return row?.state === "archived";
    }, "the retried capture");
    expect(await snapshotsOf(sourceId)).toHaveLength(1);
    const [final] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId));
    expect(final?.attempts).toBe(2);
  });
});
