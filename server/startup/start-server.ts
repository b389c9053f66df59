import { closeAppDatabase, getAppDatabase } from "@/db/app-database";
import { dataDirectory } from "@/db/client";
import { authSecret } from "../auth/secret";
import { serverEnv } from "../env.mjs";
import { appFetcher } from "../fetch";
import { backgroundPublicCache } from "../http/background-public-cache";
import { createJobQueue } from "../jobs/queue";
import { runningJobs, setRunningJobs } from "../jobs/running";
import { jobSettingsFrom } from "../jobs/settings";
import { prepareDatabase } from "./prepare-database";

/** Closes the database (waiting for it to finish opening, if a signal comes during start-up), then exits. */
function exitCleanlyOn(signals: NodeJS.Signals[]): () => boolean {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: stopping the job queue, closing the database and exiting.`);
    // Jobs still running when the queue stops are failed back to pg-boss, which retries them after the restart.
    const queue = runningJobs();
    setRunningJobs(undefined);
    (queue ? queue.stop({ timeoutMs: 5_000 }) : Promise.resolve())
      .catch((error) => console.error("Error while stopping the job queue", error))
      .then(() => closeAppDatabase())
      .catch((error) => console.error("Error while closing the database", error))
      .finally(() => process.exit(0));
  };
  for (const signal of signals) process.on(signal, () => stop(signal));
  return () => stopping;
}

/**
 * Server start: configuration, auth secret, database (migrated, demo loaded, first admin), the job queue, and a clean shutdown.
 * `npm start` sets NEXT_MANUAL_SIG_HANDLE so Next leaves SIGINT/SIGTERM to us: PGlite must be closed
 * before exit, or the next start runs crash recovery on its data folder. The handlers go in first, so
 * Ctrl-C during start-up also closes it.
 */
export async function startServer(): Promise<void> {
  const stopping = exitCleanlyOn(["SIGINT", "SIGTERM"]);
  let handle;
  try {
    const env = serverEnv(); // first: a bad setting stops the start here, named (server/env.mjs)
    authSecret();
    handle = await getAppDatabase();
    const { db, queueDatabase } = handle;
    await prepareDatabase(handle, env, console.log, async () => {
      const jobSettings = jobSettingsFrom(env);
      if (!jobSettings.enabled || stopping()) return;
      const queue = createJobQueue({ db, queueDatabase, fetcher: appFetcher(), settings: jobSettings, publicCache: backgroundPublicCache(db) });
      await queue.start();
      setRunningJobs(queue);
    });
  } catch (error) {
    if (stopping()) return; // closed under our feet by Ctrl-C: the shutdown is already under way
    // A server without its database can only fail every request: stop now, saying why.
    console.error(`Factdesk cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`Factdesk database ready (${handle.kind === "pglite" ? `embedded PGlite in ${dataDirectory()}` : "PostgreSQL from DATABASE_URL"}).`);
}
