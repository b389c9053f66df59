import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPostgres } from "@/db/client";
import { articles, users } from "@/db/schema";
import { createJobQueue } from "@/server/jobs/queue";
import { DEFAULT_JOB_SETTINGS } from "@/server/jobs/settings";
import { prepareDatabase } from "@/server/startup/prepare-database";
import { createDatabase } from "../../scripts/lib/postgres-admin.mjs";
import { fixtureSiteFetcher } from "./fixture-site";
import { envWith, TEST_PASSWORD, uniqueEmail } from "./helpers";

// Several instances started together on one new PostgreSQL database (a deploy of N instances, README "Running at
// scale"): before the start-up lock, two of them starting their job queues at once deadlocked in pg-boss
// (create_queue) and one exited. Each instance has its own pool and queue, as separate processes would.
describe("instances starting together on a new database", () => {
  it("take turns: every one starts with its job queue, the database has one demo article and one first admin", async () => {
    const url = await createDatabase(inject("serverUrl"), `${inject("databaseName")}_together_${randomBytes(3).toString("hex")}`);
    const instances = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    afterAll(() => Promise.all(instances.map((handle) => handle.close())));
    const env = envWith({ ADMIN_EMAIL: uniqueEmail("admin"), ADMIN_PASSWORD: TEST_PASSWORD });
    const logs: string[][] = instances.map(() => []);

    const queues = instances.map(({ db, queueDatabase }) => createJobQueue({ db, queueDatabase, fetcher: fixtureSiteFetcher, settings: DEFAULT_JOB_SETTINGS, schedule: false }));
    afterAll(() => Promise.all(queues.map((queue) => queue.stop({ timeoutMs: 2_000 }))));

    await Promise.all(instances.map((handle, i) => prepareDatabase(handle, env, (line) => logs[i]!.push(line), () => queues[i]!.start())));

    const { db } = instances[0]!;
    expect(await db.$count(articles)).toBe(1);
    expect(await db.$count(users)).toBe(1);
    expect(logs.flat().filter((line) => line === "Loaded the demo article.")).toHaveLength(1);
  });
});
