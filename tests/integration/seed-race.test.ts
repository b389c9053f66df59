import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { seedDemoArticle } from "@/server/startup/seed-demo";
import { openIsolatedDatabase, query } from "./helpers";
import { DEMO } from "../../test-support/demo";
import { waitFor } from "../../test-support/wait";

// seed-demo.ts promises that "two instances starting together" change nothing. Its own database: the
// demo article must really be absent at the start, and is committed here.
const db = await openIsolatedDatabase();

describe("demo seed on two instances at once", () => {
  it("both starts succeed: one creates the article, the other finds it present", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstSeeded!: () => void;
    const seeded = new Promise<void>((resolve) => (firstSeeded = resolve));

    // Instance one has imported the article but not yet committed…
    const first = db.transaction(async (tx) => {
      const result = await seedDemoArticle(tx);
      firstSeeded();
      await gate;
      return result;
    });
    await seeded;
    // …when instance two checks, finds nothing, and starts its own import (which then waits on a lock).
    const second = seedDemoArticle(db);
    await waitFor(async () => {
      const [row] = await query<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return (row?.n ?? 0) > 0;
    }, { timeoutMs: 10_000, intervalMs: 10, what: "the second seed to wait on the first one's lock" });
    release();

    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : `rejected: ${String(o.reason)}`)).sort()).toEqual(["created", "present"]);
    expect(await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, DEMO.slug))).toHaveLength(1);
  });
});
