import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort, installBuild, serverConfig, startAppServer, type AppServer, type ServerConfig } from "./support/app-server";
import { cleanupStack } from "./support/cleanup";
import { createFreshDatabase, type FreshDatabase } from "./support/databases";
import { demoMarkInput } from "./support/demo";
import { trpcData, WebClient, type Exchange } from "./support/http";
import { reportFigure } from "./support/report";
import { createUserWithCli } from "../../test-support/cli";
import { withSql } from "../../test-support/sql";

// Issue 6(b): the app process killed with SIGKILL while 200 evidence writes are in flight. After a restart,
// every write the app acknowledged is in the database exactly as sent, and none is half-written: an evidence
// row and its audit row (audit_events "evidence.added") exist together or not at all.

const WRITES = 200;
/** Kill once this many writes were acknowledged (about half-way through). */
const KILL_AFTER_ACKS = 80;

interface Write {
  index: number;
  excerpt: string;
  exchange: Exchange;
  evidenceId?: number;
}

describe("fault: SIGKILL during 200 concurrent evidence writes", () => {
  const cleanup = cleanupStack();
  let db: FreshDatabase;
  let config: ServerConfig;
  let server: AppServer | undefined;
  let client: WebClient;
  let claimId: number;

  beforeAll(async () => {
    db = cleanup.defer("drop the database", await createFreshDatabase("sigkill"), (d) => d.drop());
    const installation = cleanup.defer("remove the staged build", installBuild("sigkill"), (i) => i.remove());
    config = serverConfig(installation, db.url, await freePort());
    // Whichever server is running at the end (the first, or the one restarted after the kill).
    cleanup.defer("stop the server", undefined, () => server?.stop());
    server = await startAppServer(config);
    const editor = await createUserWithCli(db.url, "editor", { prefix: "sigkill-editor" });
    client = new WebClient(server.baseUrl);
    await client.signIn(editor.email, editor.password);
    claimId = trpcData<{ id: number }>(await client.mutation("claim.mark", await demoMarkInput(db.url))).id;
  });

  it("keeps every acknowledged write and no half-written one", async () => {
    const running = server!;
    let acked = 0;
    let killedAt: number | undefined;
    let kill: Promise<void> | undefined;
    const writes: Write[] = await Promise.all(
      Array.from({ length: WRITES }, async (_, index): Promise<Write> => {
        const excerpt = `sigkill write ${index} ${randomUUID()}`;
        const exchange = await client.mutation(
          "evidence.attach",
          // Shared sources, each write at its own place (one source backs a claim once per locator).
          { claimId, url: `https://example.org/sigkill/source-${index % 4}`, stance: "refutes", excerpt, locator: `write ${index}` },
          30_000,
        );
        if (exchange.status !== 200) return { index, excerpt, exchange };
        acked += 1;
        if (acked >= KILL_AFTER_ACKS && !kill) {
          killedAt = Date.now();
          kill = running.kill();
        }
        return { index, excerpt, exchange, evidenceId: trpcData<{ id: number }>(exchange).id };
      }),
    );
    expect(kill, `the server was never killed: only ${acked} of ${WRITES} writes were acknowledged`).toBeDefined();
    await kill;
    const exit = await running.exited;
    expect(exit.signal, "the server died of SIGKILL").toBe("SIGKILL");

    const acknowledged = writes.filter((w) => w.exchange.status === 200);
    const unanswered = writes.filter((w) => w.exchange.status === 0);
    // Only two outcomes: acknowledged, or no answer because the process died. Anything else is a bug on its own.
    expect(writes.filter((w) => w.exchange.status !== 200 && w.exchange.status !== 0).map((w) => `${w.exchange.status} ${w.exchange.text.slice(0, 200)}`)).toEqual([]);
    expect(unanswered.length, "the kill interrupted writes in flight").toBeGreaterThan(0);

    // Restart on the same database, build and port; the session cookie still works (same secret).
    server = await startAppServer(config);

    const { rows, events } = await withSql(db.url, async (sql) => ({
      rows: await sql<{ id: number; claim_id: number; excerpt: string | null; deleted_at: Date | null }[]>`
        select id, claim_id, excerpt, deleted_at from evidence where claim_id = ${claimId} order by id`,
      events: await sql<{ evidence_id: number | null; excerpt: string | null }[]>`
        select (after->>'evidenceId')::int as evidence_id, after->>'excerpt' as excerpt from audit_events
        where claim_id = ${claimId} and action = 'evidence.added' order by id`,
    }));
    const rowById = new Map(rows.map((r) => [r.id, r]));
    const eventsById = new Map<number, number>();
    for (const e of events) if (e.evidence_id !== null) eventsById.set(e.evidence_id, (eventsById.get(e.evidence_id) ?? 0) + 1);

    const missing = acknowledged.filter((w) => !rowById.has(w.evidenceId!));
    const altered = acknowledged.filter((w) => rowById.has(w.evidenceId!) && (rowById.get(w.evidenceId!)!.excerpt !== w.excerpt || rowById.get(w.evidenceId!)!.deleted_at !== null));
    const present = acknowledged.length - missing.length - altered.length;
    // Half-written: evidence without its audit row, an audit row without its evidence, or an audit row twice.
    const rowsWithoutEvent = rows.filter((r) => eventsById.get(r.id) !== 1);
    const eventsWithoutRow = events.filter((e) => e.evidence_id === null || !rowById.has(e.evidence_id));
    const eventExcerptMismatch = events.filter((e) => e.evidence_id !== null && rowById.has(e.evidence_id) && rowById.get(e.evidence_id)!.excerpt !== e.excerpt);
    const orphans = rowsWithoutEvent.length + eventsWithoutRow.length + eventExcerptMismatch.length;
    const ourExcerpts = new Set(writes.map((w) => w.excerpt));
    const strangers = rows.filter((r) => !ourExcerpts.has(r.excerpt ?? ""));
    const landedUnacknowledged = rows.length - present;

    // The restarted app serves the same state.
    const detail = trpcData<{ evidence: { id: number }[] }>(await client.query("claim.detail", { claimId }));

    reportFigure(`faults: sigkill acked=${acknowledged.length} present=${present} orphans=${orphans}`);
    reportFigure(
      `faults: sigkill detail writes=${WRITES} killed-after-ms=${killedAt! - Math.min(...writes.map((w) => w.exchange.startedAt))} ` +
        `unanswered=${unanswered.length} landed-unacknowledged=${landedUnacknowledged} rows=${rows.length} audit-rows=${events.length} app-after-restart=${detail.evidence.length}`,
    );

    expect(missing.map((w) => w.evidenceId), "acknowledged writes missing after the restart").toEqual([]);
    expect(altered.map((w) => w.evidenceId), "acknowledged writes stored differently").toEqual([]);
    expect(present).toBe(acknowledged.length);
    expect(rowsWithoutEvent.map((r) => r.id), "evidence rows without exactly one evidence.added audit row").toEqual([]);
    expect(eventsWithoutRow.map((e) => e.evidence_id), "evidence.added audit rows without their evidence").toEqual([]);
    expect(eventExcerptMismatch.map((e) => e.evidence_id), "audit rows that disagree with their evidence").toEqual([]);
    expect(strangers.map((r) => r.id), "evidence rows nobody sent").toEqual([]);
    expect(landedUnacknowledged).toBeLessThanOrEqual(unanswered.length);
    expect(detail.evidence.map((e) => e.id).sort((a, b) => a - b)).toEqual(rows.filter((r) => r.deleted_at === null).map((r) => r.id));
  });
});
