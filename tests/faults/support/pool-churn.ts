/**
 * Child process of pool-recovery.test.ts: the app's own pool (openPostgres) behind a TCP proxy, 16 workers running
 * drizzle transactions, while the proxy is cut and restored a few times. Prints one JSON line with what happened
 * after each restore. A child process because postgres.js's null-socket bug throws from a timer: it is logged and
 * survived here as Next does it (an uncaughtException listener), where vitest would count it as a test error.
 *
 * Usage: tsx tests/faults/support/pool-churn.ts <database url> <cycles>
 */
import { sql } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { startTcpProxy } from "./tcp-proxy";

const [url, cyclesArg] = process.argv.slice(2);
if (!url) throw new Error("usage: pool-churn.ts <database url> <cycles>");
const cycles = Number(cyclesArg ?? 4);

let driverTypeErrors = 0;
process.on("uncaughtException", (error) => {
  if (/reading 'write'/.test(String(error))) driverTypeErrors += 1;
  else console.error("uncaught", error);
});

const target = new URL(url);
const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
const viaProxy = new URL(url);
viaProxy.hostname = "127.0.0.1";
viaProxy.port = String(proxy.port);
const handle = await openPostgres(viaProxy.toString());

let stop = false;
let restoredAt = 0;
const failuresAfterRestore: Record<string, number> = {};
let slowestAfterRestoreMs = 0;
let okAfterRestore = 0;
const worker = async () => {
  while (!stop) {
    const started = Date.now();
    try {
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(0.003)`);
        await tx.execute(sql`select 1`);
      });
      if (restoredAt && started > restoredAt) okAfterRestore += 1;
    } catch (error) {
      if (restoredAt && started > restoredAt) {
        let code: unknown;
        for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5 && code === undefined; e = e.cause as typeof e, depth++) code = e.code;
        failuresAfterRestore[String(code)] = (failuresAfterRestore[String(code)] ?? 0) + 1;
      }
    }
    if (restoredAt && started > restoredAt) slowestAfterRestoreMs = Math.max(slowestAfterRestoreMs, Date.now() - started);
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const workers = Array.from({ length: 16 }, () => worker());
for (let cycle = 0; cycle < cycles; cycle++) {
  await pause(1_500); // load on a healthy pool: transactions in flight when the cut comes
  restoredAt = 0;
  await proxy.cut();
  await pause(2_000); // the outage: a fixed window
  await proxy.restore();
  restoredAt = Date.now() + 1_000; // the pool's reconnect delay (backoff) is at most 0.5 s
}
await pause(6_000); // long enough for every pooled connection to be used again after the last restore
stop = true;
await Promise.all(workers);
await handle.close();
await proxy.close();
console.log(JSON.stringify({ cycles, driverTypeErrors, failuresAfterRestore, slowestAfterRestoreMs, okAfterRestore }));
process.exit(0);
