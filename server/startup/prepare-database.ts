import type { DatabaseHandle } from "@/db/client";
import { bootstrapAdmin } from "../services/user/bootstrap-admin";
import { seedDemoArticle } from "./seed-demo";

/** Everything a fresh or existing database needs before serving: migrations, the demo article, a first admin. */
export async function prepareDatabase(handle: DatabaseHandle, log: (line: string) => void = console.log): Promise<void> {
  await handle.migrate();
  if (process.env.FACTDESK_SKIP_DEMO !== "1") {
    const demo = await seedDemoArticle(handle.db);
    if (demo === "created") log("Loaded the demo article.");
  }
  await bootstrapAdmin(handle.db, process.env, log);
}
