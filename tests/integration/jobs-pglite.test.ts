import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "@/db/client";
import { sourceCaptures, sourceSnapshots, sources } from "@/db/schema";
import { createFetcher } from "@/server/fetch";
import { createJobQueue, type JobQueue } from "@/server/jobs/queue";
import { DEFAULT_JOB_SETTINGS } from "@/server/jobs/settings";
import { createCaller } from "@/server/routers/_app";
import { createArticle, mark } from "./claims-fixtures";
import { createTestUser } from "./helpers";

// pg-boss on the embedded database (decision 0015): its schema, its multi-statement maintenance and a capture job,
// all through PGlite's one connection while the app's own queries share it.
const server = http.createServer((_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<title>embedded</title>"));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
let handle: DatabaseHandle;
let queue: JobQueue;

beforeAll(async () => {
  handle = await openPglite();
  await handle.migrate();
  const fetcher = createFetcher({ testOnlyAllow: [{ address: "127.0.0.1", port }] });
  queue = createJobQueue({ db: handle.db, queueDatabase: handle.queueDatabase, fetcher, settings: { ...DEFAULT_JOB_SETTINGS, hostGapMs: 0 }, schedule: true });
  await queue.start();
}, 120_000);

afterAll(async () => {
  await queue?.stop({ timeoutMs: 1000 });
  await handle?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe("job queue on PGlite", () => {
  it("starts (schema, queues, schedule), runs a capture to its snapshot and stops cleanly", async () => {
    const { db } = handle;
    const editor = await createTestUser(db, "editor");
    const claim = await mark(db, editor, await createArticle(db), "Ninety percent");
    const [source] = await db.insert(sources).values({ canonicalUrl: `http://127.0.0.1:${port}/embedded` }).returning({ id: sources.id });
    await createCaller({ db, actor: editor, requestId: randomUUID(), jobs: queue }).evidence.attach({ claimId: claim.id, sourceId: source!.id, stance: "supports" });
    const until = Date.now() + 30_000;
    let state: string | undefined;
    while (state !== "archived" && Date.now() < until) {
      [{ state } = { state: undefined }] = await db.select({ state: sourceCaptures.state }).from(sourceCaptures).where(eq(sourceCaptures.sourceId, source!.id));
      if (state !== "archived") await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe("archived");
    expect(await db.select().from(sourceSnapshots).where(eq(sourceSnapshots.sourceId, source!.id))).toHaveLength(1);
    // The schedule pg-boss wrote (a multi-statement transaction on PGlite) is there.
    expect((await queue.boss.getSchedules()).map((s) => s.name)).toContain("link-sweep");
  }, 60_000);
});
