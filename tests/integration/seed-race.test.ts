import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { seedDemoArticle } from "@/server/startup/seed-demo";
import { openIsolatedDatabase, query } from "./helpers";

// seed-demo.ts promises that "two instances starting together" change nothing. Its own database: the
// demo article must really be absent at the start, and is committed here.
const db = await openIsolatedDatabase();
const demo = JSON.parse(readFileSync("data/demo/article.json", "utf8")) as { slug: string };

/** Polls `condition` until it holds; fails after `timeoutMs`. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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
    });
    release();

    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : `rejected: ${String(o.reason)}`)).sort()).toEqual(["created", "present"]);
    expect(await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, demo.slug))).toHaveLength(1);
  });
});
