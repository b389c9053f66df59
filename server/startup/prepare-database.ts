import type { DatabaseHandle } from "@/db/client";
import type { ServerEnv } from "../env.mjs";
import { bootstrapAdmin } from "../services/user/bootstrap-admin";
import { seedDemoArticle } from "./seed-demo";

/**
 * Everything a fresh or existing database needs before serving: migrations, the demo article, a first admin, then
 * `startJobs` (the job queue's start). One instance at a time: several may start together on one PostgreSQL
 * database, and pg-boss creating its queues from two processes at once deadlocks (one instance exited).
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  env: Pick<ServerEnv, "FACTDESK_SKIP_DEMO" | "ADMIN_EMAIL" | "ADMIN_PASSWORD">,
  log: (line: string) => void = console.log,
  startJobs: () => Promise<void> = async () => {},
): Promise<void> {
  await handle.whileStartingUp(async () => {
    await handle.migrate();
    if (!env.FACTDESK_SKIP_DEMO) {
      const demo = await seedDemoArticle(handle.db);
      if (demo === "created") log("Loaded the demo article.");
    }
    await bootstrapAdmin(handle.db, env, log);
    await startJobs();
  });
}
