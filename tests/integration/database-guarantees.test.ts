import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleRevisions, auditEvents, claims } from "@/db/schema";
import type { Database } from "@/db/types";
import { importArticle } from "@/server/services/article/import-article";
import { inRollback, openTestDatabase, query, rejectionOf, sqlState, systemActor, uniqueName } from "./helpers";

// Rules the database itself enforces, checked with raw SQL so no application code can be what refuses.
const { db } = await openTestDatabase();

/** An article with one claim and one history event, inside the caller's transaction. */
async function claimWithHistory(tx: Database) {
  const article = await importArticle({ db: tx, actor: systemActor }, { title: "Guarantees", slug: uniqueName("guarantees"), text: "Some text to quote." });
  const [claim] = await tx
    .insert(claims)
    .values({ articleId: article.id, revisionId: article.revisionId, quoteExact: "Some", positionStart: 0, positionEnd: 4, kind: "quote" })
    .returning({ id: claims.id });
  const [event] = await tx
    .insert(auditEvents)
    .values({ entityType: "claim", entityId: claim!.id, claimId: claim!.id, articleId: article.id, actorLabel: "test", action: "claim.created", after: { status: "unchecked" } })
    .returning({ id: auditEvents.id });
  return { articleId: article.id, revisionId: article.revisionId, claimId: claim!.id, eventId: event!.id };
}

/** Runs one statement in a savepoint, so the refusal does not abort the test's transaction. */
const attempt = (tx: Database, statement: ReturnType<typeof sql>) => rejectionOf(tx.transaction((sp) => sp.execute(statement)));

describe("append-only history", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on audit_events", () =>
    inRollback(db, async (tx) => {
      const { eventId } = await claimWithHistory(tx);
      for (const statement of [
        sql`update audit_events set after = '{"status":"published"}' where id = ${eventId}`,
        sql`delete from audit_events where id = ${eventId}`,
        // CASCADE: notifications reference audit rows, and a plain TRUNCATE is refused for that before the trigger runs.
        sql`truncate audit_events cascade`,
      ]) {
        const error = await attempt(tx, statement);
        expect(sqlState(error)).toBe("42501"); // insufficient_privilege, raised by the trigger
        expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/append-only/);
      }
      const [event] = await tx.select().from(auditEvents).where(eq(auditEvents.id, eventId));
      expect(event).toMatchObject({ action: "claim.created", after: { status: "unchecked" } });
    }));

  it("still accepts new events (append is what it is for)", () =>
    inRollback(db, async (tx) => {
      const { claimId } = await claimWithHistory(tx);
      await tx.insert(auditEvents).values({ entityType: "claim", entityId: claimId, claimId, actorLabel: "test", action: "claim.status_changed" });
      const events = await tx.select().from(auditEvents).where(eq(auditEvents.claimId, claimId)).orderBy(auditEvents.id);
      expect(events.map((e) => e.action)).toEqual(["claim.created", "claim.status_changed"]);
    }));

  it.each([
    ["an action outside the typed list", "claim", "'claim.rewritten'", "'test'", "audit_events_action_check"],
    ["an action about another entity than the row's", "user", "'claim.created'", "'test'", "audit_events_action_entity_check"],
    ["no actor at all", "claim", "'claim.created'", "null", "audit_events_actor_check"],
  ])("refuses an audit row with %s", (_, entityType, action, label, constraint) =>
    inRollback(db, async (tx) => {
      const { claimId } = await claimWithHistory(tx);
      const error = await attempt(
        tx,
        sql`insert into audit_events (entity_type, entity_id, actor_label, action) values (${entityType}, ${claimId}, ${sql.raw(label)}, ${sql.raw(action)})`,
      );
      expect(sqlState(error)).toBe("23514");
      expect(JSON.stringify((error as { cause?: unknown }).cause)).toContain(constraint);
    }));

  it("refuses UPDATE and DELETE on article_revisions", () =>
    inRollback(db, async (tx) => {
      const { revisionId } = await claimWithHistory(tx);
      for (const statement of [
        sql`update article_revisions set body = 'rewritten history' where id = ${revisionId}`,
        sql`delete from article_revisions where id = ${revisionId}`,
      ]) {
        expect(sqlState(await attempt(tx, statement))).toBe("42501");
      }
      const [revision] = await tx.select().from(articleRevisions).where(eq(articleRevisions.id, revisionId));
      expect(revision?.body).toBe("Some text to quote.");
    }));
});

describe("CHECK constraints", () => {
  it.each([
    ["an empty span (start = end)", 4, 4],
    ["a reversed span (start > end)", 5, 2],
    ["a negative start", -1, 3],
  ])("refuse a claim with %s", (_, start, end) =>
    inRollback(db, async (tx) => {
      const { articleId, revisionId } = await claimWithHistory(tx);
      const error = await attempt(
        tx,
        sql`insert into claims (article_id, revision_id, quote_exact, position_start, position_end, kind)
            values (${articleId}, ${revisionId}, 'Some', ${start}, ${end}, 'quote')`,
      );
      expect(sqlState(error)).toBe("23514");
      expect(JSON.stringify((error as { cause?: unknown }).cause)).toContain("claims_position_check");
    }));

  it("refuses a claim of an unknown kind and a user with an unknown role", () =>
    inRollback(db, async (tx) => {
      const { articleId, revisionId } = await claimWithHistory(tx);
      const claim = await attempt(
        tx,
        sql`insert into claims (article_id, revision_id, quote_exact, position_start, position_end, kind)
            values (${articleId}, ${revisionId}, 'Some', 0, 4, 'rumour')`,
      );
      expect(sqlState(claim)).toBe("23514");
      const user = await attempt(tx, sql`insert into users (email, name, role, password_hash) values (${`${uniqueName("x")}@example.org`}, 'X', 'superuser', 'x')`);
      expect(sqlState(user)).toBe("23514");
      expect(JSON.stringify((user as { cause?: unknown }).cause)).toContain("users_role_check");
    }));

  it("accepts the same rows when they are valid (the refusals above are about the values)", () =>
    inRollback(db, async (tx) => {
      const { articleId, revisionId } = await claimWithHistory(tx);
      await tx.execute(sql`insert into claims (article_id, revision_id, quote_exact, position_start, position_end, kind)
                           values (${articleId}, ${revisionId}, 'Some', 0, 4, 'statistic')`);
      const rows = await query<{ n: number }>(tx, sql`select count(*)::int as n from claims where article_id = ${articleId}`);
      expect(rows[0]?.n).toBe(2);
    }));
});
