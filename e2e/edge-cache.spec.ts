import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { createDatabase, dropDatabases, testServerUrl } from "../scripts/lib/postgres-admin.mjs";
import { SCALE_PASSWORD } from "../scripts/lib/scale-seed";
import { withSql } from "../test-support/sql";
import { startVarnish } from "../test-support/varnish";
import { e2eEnv } from "./support/env";
import { startInstance, type Instance } from "./support/instances";

// At the edge (issue 14 item 4, docs/caching.md "At the edge"): Varnish with xkey (deploy/varnish/default.vcl) in
// front of two production instances, on a small database of generated newsroom data (`npm run seed:scale`; the
// issue: "passes in CI on a small generated database"). Public outputs are kept there under their surrogate keys; a
// verdict approved, or a source renamed, through an instance purges them, so the cached pages show it without
// waiting for their s-maxage. The spec waits for the change (no timing assertion on a shared machine) and records
// how long it took (the target is 1 s).
const base = Number(process.env.E2E_PORT ?? 3100);
const PORTS = { a: base + 13, b: base + 14, varnish: base + 15 };
const SIZES = ["--articles", "300", "--claims", "3000", "--sources", "600"];

let databaseName: string;
let generated: string;
let a: Instance;
let b: Instance;
let varnish: { origin: string; stop(): Promise<void> };
const signedIn: APIRequestContext[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  databaseName = `${new URL(e2eEnv.databaseUrl).pathname.slice(1)}_generated`;
  generated = await createDatabase(testServerUrl(), databaseName);
  // The generator migrates the database first, as the app would.
  await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed-scale.ts", ...SIZES], { env: { ...process.env, DATABASE_URL: generated } });
  const publicOrigin = `http://localhost:${PORTS.varnish}`;
  const env = { DATABASE_URL: generated, FACTDESK_EDGE_PURGE_URL: `http://127.0.0.1:${PORTS.varnish}/` };
  [a, b] = await Promise.all([startInstance(PORTS.a, publicOrigin, env), startInstance(PORTS.b, publicOrigin, env)]);
  varnish = await startVarnish(PORTS.varnish, [PORTS.a, PORTS.b]);
});

test.afterAll(async () => {
  await Promise.all(signedIn.map((context) => context.dispose()));
  await varnish?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  if (databaseName) await dropDatabases(testServerUrl(), databaseName);
});

/** One of the generated accounts, signed in on instance A through next-auth's credentials endpoint. */
async function signInOnA(email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: a.origin });
  signedIn.push(context);
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: SCALE_PASSWORD, json: "true" }, maxRedirects: 0 });
  const me = await context.get("/api/auth/session");
  expect(((await me.json()) as { user?: { email?: string } }).user?.email, `signed in as ${email}`).toBe(email);
  return context;
}

async function mutateOnA(context: APIRequestContext, procedure: string, input: unknown) {
  const response = await context.post(`/api/trpc/${procedure}`, { headers: { "content-type": "application/json" }, data: JSON.stringify(input) });
  expect(response.status(), await response.text()).toBe(200);
}

/** Asks the cache until it answers from what it kept. */
async function keptAtTheEdge(anonymous: APIRequestContext, output: string) {
  await expect
    .poll(async () => {
      const response = await anonymous.get(`${varnish.origin}${output}`);
      expect(response.status(), output).toBe(200);
      // Browsers still revalidate every time; the keys are the edge's business.
      expect([response.headers()["cache-control"], response.headers()["xkey"]], output).toEqual(["public, no-cache", undefined]);
      return `${response.headers()["x-cache"]} age=${response.headers()["age"] !== undefined}`;
    }, { message: `${output} is a hit through the cache`, intervals: [50] })
    .toBe("HIT age=true");
}

test("public outputs are kept at the edge under their keys, and a verdict approved behind it purges them", async ({ request: anonymous }) => {
  // A claim of the generated data waiting for review on a published article, and an editor who did not write its verdict.
  const { claim, slug, reviewer } = await withSql(generated, async (sql) => {
    const [row] = await sql<{ id: number; version: number; author: number; slug: string }[]>`
      select c.id, c.version, c.verdict_set_by as author, a.slug from claims c join articles a on a.id = c.article_id
      where a.status = 'published' and c.status = 'in_review' and c.deleted_at is null and c.anchor_state <> 'orphaned' order by c.id limit 1`;
    const [other] = await sql<{ email: string }[]>`select email from users where role = 'editor' and email like 'scale-%' and id <> ${row!.author} order by id limit 1`;
    return { claim: row!, slug: row!.slug, reviewer: other!.email };
  });
  const outputs = ["/", `/a/${slug}`, `/embed/${slug}`, `/embed/${slug}.svg`, `/api/articles/${slug}/annotations`];
  const kept = new Map<string, string>();
  for (const output of outputs) {
    // The app lets the edge keep the output and files it under its article's key (the home page: the list's) and
    // the keys of what it shows.
    const direct = await anonymous.get(`${a.origin}${output}`);
    expect(direct.status(), output).toBe(200);
    expect(direct.headers()["cache-control"], output).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    const keys = direct.headers()["xkey"]!.split(" ");
    expect(keys, output).toContain(output === "/" ? "published-articles" : `article:${slug}`);
    if (output !== "/") expect(keys.some((key) => key.startsWith("source:")), `${output} names its sources`).toBe(true);
    await keptAtTheEdge(anonymous, output);
    kept.set(output, await (await anonymous.get(`${varnish.origin}${output}`)).text());
  }
  const readerPage = `${varnish.origin}/a/${slug}`;
  const claimOnPage = `id="claim-${claim.id}-heading"`;
  expect(await (await anonymous.get(readerPage)).text()).not.toContain(claimOnPage);

  // Only this machine may purge, and a purge names its keys.
  expect((await anonymous.fetch(`${varnish.origin}/`, { method: "PURGE" })).status()).toBe(400);

  await mutateOnA(await signInOnA(reviewer), "claim.review", { claimId: claim.id, version: claim.version, decision: "approve", comment: "Checked behind the cache." });
  const publishedAt = Date.now();
  await expect
    .poll(async () => (await anonymous.get(readerPage)).text(), { message: "the reader page through the cache shows the verdict", intervals: [25] })
    .toContain(claimOnPage);
  const tookMs = Date.now() - publishedAt;
  test.info().annotations.push({ type: "approved → on the reader page through the cache (ms)", description: String(tookMs) });
  console.log(`edge cache: approved, on the reader page through Varnish after ${tookMs} ms`);

  // The other outputs about the article (embed card, badge, export) were purged too: their kept copies are gone.
  for (const output of outputs.slice(2)) {
    await expect
      .poll(async () => (await anonymous.get(`${varnish.origin}${output}`)).text(), { message: `${output} through the cache is no longer the kept copy`, intervals: [25] })
      .not.toBe(kept.get(output));
  }
  // And the new reader page is kept again.
  await keptAtTheEdge(anonymous, `/a/${slug}`);
  expect(await (await anonymous.get(readerPage)).text()).toContain(claimOnPage);
});

test("a source an admin renames leaves every cached page citing it, purged by key, and only those", async ({ request: anonymous }) => {
  // A source a published claim cites, the article showing it, and a published article that cites none of its sources
  // and that nothing else is changing.
  const { sourceId, slug, unrelated } = await withSql(generated, async (sql) => {
    const [cited] = await sql<{ sourceId: number; slug: string; articleId: number }[]>`
      select e.source_id as "sourceId", a.slug, a.id as "articleId" from evidence e join claims c on c.id = e.claim_id join articles a on a.id = c.article_id
      where a.status = 'published' and c.status = 'published' and c.deleted_at is null and e.deleted_at is null and c.anchor_state <> 'orphaned' order by e.id desc limit 1`;
    const [other] = await sql<{ slug: string }[]>`
      select a.slug from articles a where a.status = 'published' and a.id <> ${cited!.articleId}
        and not exists (select 1 from claims c join evidence e on e.claim_id = c.id where c.article_id = a.id and e.source_id = ${cited!.sourceId})
        -- nor an article whose verdict was just published (the first test's): that approval's last expiry comes a second later
        and not exists (select 1 from claims c where c.article_id = a.id and c.published_at > now() - interval '10 minutes')
      order by a.id limit 1`;
    return { ...cited!, unrelated: other!.slug };
  });
  const direct = await anonymous.get(`${a.origin}/a/${slug}`);
  expect(direct.headers()["xkey"]!.split(" "), "the page names the source among its keys").toContain(`source:${sourceId}`);
  await keptAtTheEdge(anonymous, `/a/${slug}`);
  await keptAtTheEdge(anonymous, `/a/${unrelated}`);

  const title = `A registry title set behind the cache ${Date.now().toString(36)}`;
  await mutateOnA(await signInOnA("scale-admin-0@example.com"), "source.update", { sourceId, title });
  const renamedAt = Date.now();
  await expect
    .poll(async () => (await anonymous.get(`${varnish.origin}/a/${slug}`)).text(), { message: "the reader page through the cache shows the new title", intervals: [25] })
    .toContain(title);
  console.log(`edge cache: source renamed, on the reader page through Varnish after ${Date.now() - renamedAt} ms`);
  // A page that shows nothing of the source was not purged.
  expect((await anonymous.get(`${varnish.origin}/a/${unrelated}`)).headers()["x-cache"]).toBe("HIT");
});
