import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPostgres } from "@/db/client";
import * as schema from "@/db/schema";
import type { Database } from "@/db/types";
import type { Actor } from "@/server/actor";
import { listArticlesForDashboard } from "@/server/services/article/list-articles-for-dashboard";
import { listPublishedArticles } from "@/server/services/article/list-published";
import { getWorkspace } from "@/server/services/claim/get-workspace";
import { getMyQueue } from "@/server/services/claim/my-queue";
import { getReaderView } from "@/server/services/reader/get-reader-view";
import { searchEverything } from "@/server/services/search/search-everything";
import { searchSources } from "@/server/services/source/search-sources";
import { createDatabase } from "../../scripts/lib/postgres-admin.mjs";
import { seedScale } from "../../scripts/lib/scale-seed";

/**
 * The queries behind the pages people wait on stay index-driven as the newsroom grows: each runs, through its
 * real service, against a generated database (scripts/lib/scale-seed.ts, ANALYZEd), and every SQL statement it
 * sends is EXPLAINed (ANALYZE: with the rows each scan really read). A test fails, naming the statement and its
 * plan, when a table of more than LARGE rows is read whole or nearly: a Seq Scan, or a scan by any path that
 * examined more than MAX_SHARE of the table.
 *
 * On the small database CI generates, the planner rightly prefers reading a 6,000-row table to a few hundred
 * index lookups, so there the plans are asked for with enable_seqscan off: a Seq Scan that still appears has no
 * index that could answer it, which is what breaks at a million rows (docs/decisions/0033-query-plans-at-scale.md).
 * Pointed at a big generated database (QUERY_PLANS_DATABASE_URL, e.g. the 1M-claim one from `npm run seed:scale`),
 * the same test runs with the planner's own choices.
 */
const SIZES = { articles: 3000, claims: 30_000, sources: 6000 };
const LARGE = 2500;

type Plan = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: Plan[];
};
const givenDatabase = process.env.QUERY_PLANS_DATABASE_URL;
let sql: postgres.Sql;
const recorded: { query: string; params: unknown[] }[] = [];
let db: Database;
let editor: Actor;
let admin: Actor;
let sizes: Map<string, number>;

beforeAll(async () => {
  let url = givenDatabase;
  if (!url) {
    url = await createDatabase(inject("serverUrl"), `${inject("databaseName")}_plans_${randomBytes(3).toString("hex")}`);
    const handle = await openPostgres(url);
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
  }
  sql = postgres(url, { max: 2, onnotice: () => {} });
  if (!givenDatabase) await seedScale(sql, SIZES);
  db = drizzle({ client: sql, schema, logger: { logQuery: (query, params) => void recorded.push({ query, params }) } });
  const [e] = await sql<{ id: number }[]>`select id from users where role = 'editor' order by id limit 1`;
  const [a] = await sql<{ id: number }[]>`select id from users where role = 'admin' order by id limit 1`;
  editor = { kind: "user", id: e!.id, role: "editor", name: "Editor", email: "e@example.com" };
  admin = { kind: "user", id: a!.id, role: "admin", name: "Admin", email: "a@example.com" };
  sizes = new Map((await sql<{ name: string; n: number }[]>`select relname as name, reltuples::int as n from pg_class where relkind = 'r'`).map((r) => [r.name, r.n]));
}, 240_000);

afterAll(() => sql?.end({ timeout: 5 }));

/** The share of a large table one scan may read (over all its loops): more is reading the table, by any path. */
const MAX_SHARE = 0.05;

/**
 * Large tables read whole or nearly: a Seq Scan, or any scan that examined (returned plus filtered out, over all
 * loops) more than MAX_SHARE of the table's rows, such as an index scan on `merged_into_id is null`.
 */
function wholeTableReads(plan: Plan): string[] {
  const rows = sizes.get(plan["Relation Name"] ?? "") ?? 0;
  const examined = ((plan["Actual Rows"] ?? 0) + (plan["Rows Removed by Filter"] ?? 0) + (plan["Rows Removed by Index Recheck"] ?? 0)) * (plan["Actual Loops"] ?? 1);
  const own = rows > LARGE && (plan["Node Type"] === "Seq Scan" || examined > MAX_SHARE * rows) ? [`${plan["Node Type"]} on ${plan["Relation Name"]} (${Math.round(examined)} of ${rows} rows)`] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(wholeTableReads)];
}

/** EXPLAIN ANALYZE: the services under test only read, so running the statement again changes nothing. */
async function explain(query: string, params: unknown[], format: "json" | "text") {
  return sql.begin(async (tx) => {
    // random_page_cost 1.1: the usual setting on SSDs (README, "Running at scale"); the default 4 assumes disks that seek.
    if (!givenDatabase) await tx.unsafe("set local enable_seqscan = off; set local random_page_cost = 1.1");
    return tx.unsafe(`explain (analyze, format ${format}) ${query}`, params as postgres.ParameterOrJSON<never>[]);
  });
}

/** Runs `work`, then EXPLAINs every statement it sent; returns the problems found (empty when all is well). */
async function planProblems(work: () => Promise<unknown>): Promise<string[]> {
  recorded.length = 0;
  await work();
  expect(recorded.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const { query, params } of [...recorded]) {
    const [row] = (await explain(query, params, "json")) as unknown as { "QUERY PLAN": [{ Plan: Plan }] }[];
    const reads = wholeTableReads(row!["QUERY PLAN"][0].Plan);
    if (reads.length) {
      const text = (await explain(query, params, "text")) as unknown as { "QUERY PLAN": string }[];
      problems.push(`${reads.join(", ")} in:\n${query}\n${text.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  return problems;
}

async function one<T>(query: Promise<T[]>): Promise<T> {
  const [row] = await query;
  if (!row) throw new Error("the generated database lacks a row this test needs");
  return row;
}

describe(`query plans on ${givenDatabase ? "the given database" : `a generated database (${SIZES.articles} articles, ${SIZES.claims} claims, ${SIZES.sources} sources)`}`, () => {
  it("the editor workspace of one article", async () => {
    const { id } = await one(sql<{ id: number }[]>`select article_id as id from claims where status = 'published' order by id desc limit 1`);
    expect(await planProblems(() => getWorkspace({ db, actor: editor }, id))).toEqual([]);
  });

  it("a reviewer's queue", async () => {
    expect(await planProblems(() => getMyQueue({ db, actor: editor }))).toEqual([]);
  });

  // What an editor types: part of the title they remember, or the publisher. (The generator's titles come from a
  // few hundred combinations, far fewer than a newsroom's, so a single common word would match a tenth of them.)
  it("source search", async () => {
    const { title, publisher } = await one(sql<{ title: string; publisher: string }[]>`select s.title, p.name as publisher from sources s join publishers p on p.id = s.publisher_id order by s.id limit 1`);
    for (const query of [title, publisher]) expect(await planProblems(() => searchSources({ db, actor: editor }, { query }))).toEqual([]);
  });

  it("the reader page's data", async () => {
    const { slug } = await one(sql<{ slug: string }[]>`select a.slug from articles a join claims c on c.article_id = a.id join evidence e on e.claim_id = c.id where a.status = 'published' and c.status = 'published' order by a.id desc limit 1`);
    let shown = 0;
    expect(await planProblems(async () => (shown = (await getReaderView(db, slug))?.claims.length ?? 0))).toEqual([]);
    expect(shown).toBeGreaterThan(0);
  });

  // A name, as people search: selective. Words that half the newsroom's texts contain ("rents") rank every
  // one of those rows, whatever the indexes: the slowest path, named in the decision record.
  it("search, as the public and as an editor", async () => {
    // The least frequent name among published claims: a person, not a common word.
    const { speaker } = await one(sql<{ speaker: string }[]>`select speaker from claims where status = 'published' group by speaker order by count(*), speaker limit 1`);
    for (const actor of [{ kind: "anonymous" } as const, editor]) {
      expect(await planProblems(() => searchEverything({ db, actor }, { q: speaker }))).toEqual([]);
    }
  }, 120_000);

  it("the home page's list", async () => {
    expect(await planProblems(() => listPublishedArticles({ db, actor: { kind: "anonymous" } }))).toEqual([]);
  });

  it("the dashboard aggregates", async () => {
    expect(await planProblems(() => listArticlesForDashboard({ db, actor: admin }))).toEqual([]);
  });
});
