import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents, linkChecks, sourceLinkHealth, sources } from "@/db/schema";
import { createFetcher } from "@/server/fetch";
import { checkSourceLink } from "@/server/services/archive/check-link";
import { openTestDatabase, uniqueName } from "./helpers";

const { db } = await openTestDatabase();

// /gone answers 404, /moved redirects to /new-home, everything else is a page.
const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/gone")) return void res.writeHead(404).end("gone");
  if (req.url?.startsWith("/moved")) return void res.writeHead(301, { location: "/new-home" }).end();
  res.writeHead(200, { "content-type": "text/html" }).end("<title>here</title>");
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
afterAll(() => new Promise((resolve) => server.close(resolve)));

const fetcher = createFetcher({ testOnlyAllow: [{ address: "127.0.0.1", port }] });
const rule = { deadAfterFailures: 3, deadAfterDays: 2 };
const DAY = 86_400_000;

async function sourceAt(path: string): Promise<number> {
  const [row] = await db.insert(sources).values({ canonicalUrl: `http://127.0.0.1:${port}${path}-${uniqueName("l")}` }).returning({ id: sources.id });
  return row!.id;
}
const standingOf = async (sourceId: number) => (await db.select().from(sourceLinkHealth).where(eq(sourceLinkHealth.sourceId, sourceId)))[0];
const check = (sourceId: number, at: Date, deadRule = rule) => checkSourceLink({ db, fetcher, rule: deadRule }, sourceId, () => at);

describe("link-rot watch", () => {
  it("marks a source dead only after the configured number of failures, spread over the configured days", async () => {
    const sourceId = await sourceAt("/gone");
    const start = new Date("2026-11-01T03:00:00Z");
    expect((await check(sourceId, start))?.standing.health).toBe("failing");
    expect((await check(sourceId, new Date(start.getTime() + DAY)))?.standing.health).toBe("failing");
    // Three failures, but within two days of the first one: not yet.
    expect((await check(sourceId, new Date(start.getTime() + 1.5 * DAY)))?.standing.health).toBe("failing");
    const dead = await check(sourceId, new Date(start.getTime() + 2 * DAY));
    expect(dead?.standing).toMatchObject({ health: "dead", consecutiveFailures: 4 });
    expect((await standingOf(sourceId))?.health).toBe("dead");
    const [legacy] = await db.select({ status: sources.linkStatus }).from(sources).where(eq(sources.id, sourceId));
    expect(legacy?.status).toBe("dead");
    // The history keeps every check.
    const history = await db.select().from(linkChecks).where(eq(linkChecks.sourceId, sourceId)).orderBy(asc(linkChecks.checkedAt));
    expect(history.map((h) => [h.outcome, h.httpStatus])).toEqual(Array(4).fill(["failed", 404]));
    // Only the move to dead is audited, once: failing checks are routine.
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "source"), eq(auditEvents.entityId, sourceId)));
    expect(audited.map((a) => [a.action, a.after])).toEqual([["source.link_status_changed", { health: "dead", redirectUrl: null }]]);
  });

  it("the failure count is the configured one: with five required, four failures over a week are not dead", async () => {
    const sourceId = await sourceAt("/gone");
    const start = new Date("2026-11-01T03:00:00Z");
    let last;
    for (let day = 0; day < 4; day++) last = await check(sourceId, new Date(start.getTime() + day * 2 * DAY), { deadAfterFailures: 5, deadAfterDays: 0 });
    expect(last?.standing).toMatchObject({ health: "failing", consecutiveFailures: 4 });
    last = await check(sourceId, new Date(start.getTime() + 9 * DAY), { deadAfterFailures: 5, deadAfterDays: 0 });
    expect(last?.standing.health).toBe("dead");
  });

  it("an answer in between starts the count again; a redirect is recorded with its new address", async () => {
    const sourceId = await sourceAt("/page");
    const at = new Date("2026-11-01T03:00:00Z");
    await db.insert(sourceLinkHealth).values({ sourceId, health: "failing", consecutiveFailures: 2, firstFailureAt: at, lastCheckedAt: at });
    const ok = await check(sourceId, new Date(at.getTime() + 3 * DAY));
    expect(ok?.standing).toMatchObject({ health: "ok", consecutiveFailures: 0, firstFailureAt: null });

    const moved = await sourceAt("/moved");
    const redirected = await check(moved, at);
    expect(redirected?.standing).toMatchObject({ health: "redirected", redirectUrl: `http://127.0.0.1:${port}/new-home` });
    expect((await standingOf(moved))?.redirectUrl).toBe(`http://127.0.0.1:${port}/new-home`);
  });
});
