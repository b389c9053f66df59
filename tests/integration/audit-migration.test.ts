import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import type * as schema from "@/db/schema";
import type { Database } from "@/db/types";
import { isAuditAction } from "@/lib/audit/actions";
import { readAuditHistory } from "@/server/services/audit/audit-history";
import { query, rejectionOf, sqlState } from "./helpers";
import { createDatabase } from "../../scripts/lib/postgres-admin.mjs";

// Upgrading a database that has claim history: it is built at the state just before the audit log
// (the committed migrations up to then, applied by drizzle as a real older release did), given history
// written the old way, then migrated with every committed migration as the app does at start.

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

interface JournalEntry {
  idx: number;
  tag: string;
}
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
// Found by content, not by number, so renumbering after a rebase does not break the test.
const firstAuditMigration = journal.entries.findIndex((e) => readFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), "utf8").includes('CREATE TABLE "audit_events"'));

/** A migrations folder holding only the migrations before the audit log. */
function preAuditMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-pre-audit-"));
  mkdirSync(path.join(dir, "meta"));
  const entries = journal.entries.slice(0, firstAuditMigration);
  for (const e of entries) cpSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function preAuditDatabase(): Promise<DatabaseHandle> {
  const name = `${inject("databaseName")}_${randomBytes(4).toString("hex")}`;
  const handle = await openPostgres(await createDatabase(inject("serverUrl"), name));
  afterAll(() => handle.close());
  // openPostgres hands out the driver-neutral type; this handle is postgres.js, which is what the migrator takes.
  await migrate(handle.db as PostgresJsDatabase<typeof schema>, { migrationsFolder: preAuditMigrations() });
  return handle;
}

async function one<T>(db: Database, statement: ReturnType<typeof sql>): Promise<T> {
  const [row] = await query<T>(db, statement);
  if (!row) throw new Error("expected a row");
  return row;
}

/** Claim history as the app wrote it before the audit log: claim_events rows with free-text actions. */
async function oldHistory(db: Database) {
  const ana = await one<{ id: number }>(db, sql`insert into users (email, name, role, password_hash) values ('ana@example.org', 'Ana Rivera', 'editor', 'x') returning id`);
  const ben = await one<{ id: number }>(db, sql`insert into users (email, name, role, password_hash) values ('ben@example.org', 'Ben Okafor', 'editor', 'x') returning id`);
  const article = await one<{ id: number }>(db, sql`insert into articles (slug, title) values ('old-story', 'Old story') returning id`);
  const revision = await one<{ id: number }>(db, sql`insert into article_revisions (article_id, body) values (${article.id}, 'Ninety percent agree. Spending rose.') returning id`);
  await db.execute(sql`update articles set current_revision_id = ${revision.id} where id = ${article.id}`);
  const claim = (exact: string, start: number) =>
    one<{ id: number }>(
      db,
      sql`insert into claims (article_id, revision_id, quote_exact, position_start, position_end, kind)
          values (${article.id}, ${revision.id}, ${exact}, ${start}, ${start + exact.length}, 'statistic') returning id`,
    );
  const first = await claim("Ninety percent agree", 0);
  const second = await claim("Spending rose", 22);
  const source = await one<{ id: number }>(db, sql`insert into sources (canonical_url) values ('https://example.org/report') returning id`);
  const link = await one<{ id: number }>(db, sql`insert into evidence (claim_id, source_id, stance) values (${first.id}, ${source.id}, 'refutes') returning id`);

  const rows: Array<[claimId: number, actorId: number | null, action: string, before: unknown, after: unknown, at: string]> = [
    [first.id, ana.id, "claim.created", null, { exact: "Ninety percent agree", start: 0, end: 20, kind: "statistic" }, "2026-01-05T09:00:00Z"],
    [first.id, ana.id, "claim.updated", { summary: null }, { summary: "90% agree" }, "2026-01-05T09:01:00Z"],
    [first.id, ana.id, "claim.verdict_set", { verdict: null, status: "unchecked" }, { verdict: "false", status: "in_progress" }, "2026-01-05T09:02:00Z"],
    [first.id, ana.id, "evidence.added", null, { evidenceId: link.id, source: "https://example.org/report", stance: "refutes" }, "2026-01-05T09:03:00Z"],
    [first.id, ana.id, "evidence.updated", { evidenceId: link.id, locator: null }, { evidenceId: link.id, locator: "p. 4" }, "2026-01-05T09:04:00Z"],
    [first.id, ana.id, "claim.assigned", { assigneeId: null }, { assigneeId: ben.id }, "2026-01-05T09:05:00Z"],
    [first.id, ana.id, "claim.status_changed", { status: "in_progress" }, { status: "in_review", comment: "Ready" }, "2026-01-05T09:06:00Z"],
    [first.id, ben.id, "claim.rejected", { status: "in_review" }, { status: "in_progress", verdict: "false", comment: "Which year?" }, "2026-01-05T09:07:00Z"],
    [first.id, ana.id, "claim.status_changed", { status: "in_progress" }, { status: "in_review" }, "2026-01-05T09:08:00Z"],
    [first.id, ben.id, "claim.approved", { status: "in_review" }, { status: "published", verdict: "false", comment: "Checked." }, "2026-01-05T09:09:00Z"],
    [first.id, ana.id, "evidence.removed", { evidenceId: link.id, source: "https://example.org/report", stance: "refutes" }, null, "2026-01-05T09:10:00Z"],
    [second.id, null, "claim.created", null, { exact: "Spending rose", kind: "statistic" }, "2026-01-06T10:00:00Z"],
    [second.id, ana.id, "claim.deleted", { deleted: false }, { deleted: true }, "2026-01-06T10:01:00Z"],
    [second.id, null, "claim.restored", { deleted: true }, { deleted: false }, "2026-01-06T10:02:00Z"],
  ];
  for (const [claimId, actorId, action, before, after, at] of rows) {
    await db.execute(sql`insert into claim_events (claim_id, actor_id, action, before, after, created_at)
                         values (${claimId}, ${actorId}, ${action}, ${before === null ? null : JSON.stringify(before)}::jsonb,
                                 ${after === null ? null : JSON.stringify(after)}::jsonb, ${at})`);
  }
  const old = await query<{ id: string; claim_id: number; actor_id: number | null; action: string; before: unknown; after: unknown; created_at: string }>(
    db,
    sql`select id::text, claim_id, actor_id, action, before, after, created_at::text from claim_events order by id`,
  );
  return { old, articleId: article.id, claimIds: [first.id, second.id], evidenceId: link.id };
}

describe("migrating claim_events into the audit log", () => {
  it("keeps every old row with its id, actor, time, before/after and a typed action, then retires claim_events", async () => {
    expect(firstAuditMigration).toBeGreaterThan(0);
    const handle = await preAuditDatabase();
    const { db } = handle;
    const { old, articleId, claimIds, evidenceId } = await oldHistory(db);
    expect(old).toHaveLength(14);

    await handle.migrate();

    const moved = await query<{
      id: string; entity_type: string; entity_id: number; article_id: number; claim_id: number; actor_id: number | null; actor_label: string | null;
      action: string; before: unknown; after: unknown; created_at: string;
    }>(db, sql`select id::text, entity_type, entity_id, article_id, claim_id, actor_id, actor_label, action, before, after, created_at::text from audit_events order by id`);
    expect(moved).toHaveLength(old.length);
    for (const [i, was] of old.entries()) {
      const now = moved[i]!;
      const label = `claim_events ${was.id} (${was.action})`;
      expect(now, label).toMatchObject({ id: was.id, created_at: was.created_at, claim_id: was.claim_id, actor_id: was.actor_id, article_id: articleId, before: was.before, after: was.after });
      expect(isAuditAction(now.action), label).toBe(true);
      expect(now.action, label).toBe(was.action); // the old names were already the typed ones
      expect(now.actor_label, label).toBe(was.actor_id === null ? "system" : null);
      const aboutEvidence = was.action.startsWith("evidence.");
      expect(now.entity_type, label).toBe(aboutEvidence ? "evidence" : "claim");
      expect(now.entity_id, label).toBe(aboutEvidence ? evidenceId : was.claim_id);
    }
    expect(await query(db, sql`select to_regclass('public.claim_events') as t`)).toEqual([{ t: null }]);

    // The history views read the migrated rows, with labels from the typed list.
    const history = await readAuditHistory(db, { claimId: claimIds[0]! });
    expect(history.map((h) => h.label)).toContain("approved the verdict");
    expect(history.find((h) => h.action === "claim.rejected")).toMatchObject({ actorName: "Ben Okafor", after: { comment: "Which year?" } });
    expect((await readAuditHistory(db, { articleId })).length).toBe(old.length);

    // New rows follow the copied ones, and the migrated rows are as protected as new ones.
    const next = await one<{ id: string }>(
      db,
      sql`insert into audit_events (entity_type, entity_id, article_id, actor_label, action) values ('article', ${articleId}, ${articleId}, 'test', 'article.status_changed') returning id::text`,
    );
    expect(Number(next.id)).toBeGreaterThan(Number(old.at(-1)!.id));
    // CASCADE: notifications reference audit rows, and a plain TRUNCATE is refused for that before the trigger runs.
    for (const statement of [sql`update audit_events set action = 'claim.updated' where id = ${old[0]!.id}`, sql`delete from audit_events where id = ${old[0]!.id}`, sql`truncate audit_events cascade`]) {
      expect(sqlState(await rejectionOf(db.execute(statement)))).toBe("42501");
    }
  });

  it("stops, naming the action, when old history holds an action it cannot map, and leaves claim_events as it was", async () => {
    const handle = await preAuditDatabase();
    const { db } = handle;
    const { old, claimIds } = await oldHistory(db);
    await db.execute(sql`insert into claim_events (claim_id, action) values (${claimIds[0]!}, 'claim.rewritten_by_hand')`);

    const error = await rejectionOf(handle.migrate());
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/claim\.rewritten_by_hand/);
    const kept = await query<{ n: number }>(db, sql`select count(*)::int as n from claim_events`);
    expect(kept).toEqual([{ n: old.length + 1 }]);
    expect(await query(db, sql`select to_regclass('public.audit_events') as t`)).toEqual([{ t: null }]);
  });
});

// Guards the test itself: the folder it reads is the committed one, with the audit log among them.
it("finds the audit log's migration among the committed ones", () => {
  expect(readdirSync(MIGRATIONS).some((f) => f.endsWith(".sql") && f.startsWith(journal.entries[firstAuditMigration]!.tag))).toBe(true);
});
