import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "@/db/client";
import { resolveActor } from "@/server/auth/resolve-actor";
import { bootstrapAdmin } from "@/server/services/user/bootstrap-admin";
import { verifyLogin } from "@/server/services/user/verify-login";
import { seedDemoArticle } from "@/server/startup/seed-demo";
import { anonymousActor, callerFor, envWith, query, uniqueEmail } from "./helpers";
import { DEMO } from "../../test-support/demo";

// The embedded default (no DATABASE_URL): the same migrations, services and procedures on PGlite,
// in memory. PGlite takes ~4.5 s to start, so it is opened once for the file.
const ADMIN = { ADMIN_EMAIL: uniqueEmail("pglite-admin"), ADMIN_PASSWORD: "pglite admin passphrase" };
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openPglite();
  await handle.migrate();
  // What prepareDatabase does at start, with an explicit environment instead of process.env.
  await seedDemoArticle(handle.db);
  await bootstrapAdmin(handle.db, envWith(ADMIN), () => {});
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe("PGlite smoke run", () => {
  it("runs on the embedded driver, with the append-only trigger installed by the same migrations", async () => {
    expect(handle.kind).toBe("pglite");
    const triggers = await query<{ tgname: string }>(handle.db, sql`select tgname from pg_trigger where tgname = 'audit_events_append_only'`);
    expect(triggers).toHaveLength(1);
  });

  it("the bootstrap admin signs in and reaches the editor dashboard, which lists the demo article", async () => {
    const user = await verifyLogin(handle.db, { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }, "127.0.0.1");
    expect(user).toMatchObject({ role: "admin" });
    const admin = await resolveActor(handle.db, { uid: user!.id, sv: user!.sessionVersion });
    expect(admin).toMatchObject({ kind: "user", role: "admin" });

    const dashboard = (await callerFor(handle.db, admin).article.dashboard()).items;
    expect(dashboard.map((a) => a.slug)).toContain(DEMO.slug);
    expect(dashboard.find((a) => a.slug === DEMO.slug)).toMatchObject({ claimCount: 0, publisherName: DEMO.publisher });
  });

  it("readers see the demo article on the front page and in full", async () => {
    const front = await callerFor(handle.db, anonymousActor).article.listPublished();
    expect(front.map((a) => a.slug)).toContain(DEMO.slug);
    const article = await callerFor(handle.db, anonymousActor).article.bySlug({ slug: DEMO.slug });
    expect(article.paragraphs).toHaveLength(16);
    expect(article.citedSources).toHaveLength(2);
  });

  it("search works on the embedded driver too: pg_trgm is loaded, so partial URLs and stemmed words are found", async () => {
    const result = await callerFor(handle.db, anonymousActor).search.query({ q: "youtub cxgh" });
    expect(result.sources.map((s) => s.url)).toEqual([expect.stringContaining("cxghDz524HQ")]);
    const articlesFound = await callerFor(handle.db, anonymousActor).search.query({ q: "amassing troop", type: "article" });
    expect(articlesFound.articles.map((a) => a.slug)).toEqual([DEMO.slug]);
  });

  it("seeding and bootstrapping again change nothing", async () => {
    expect(await seedDemoArticle(handle.db)).toBe("present");
    const lines: string[] = [];
    await bootstrapAdmin(handle.db, envWith(), (line) => lines.push(line));
    expect(lines).toEqual([]);
    const [row] = await query<{ n: number }>(handle.db, sql`select count(*)::int as n from users`);
    expect(row?.n).toBe(1);
  });
});
