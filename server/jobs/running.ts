import type { JobQueue } from "./queue";

// The queue started with the server, kept on globalThis: Next bundles instrumentation and route handlers
// separately, so a module-level variable would be a different one in each.
const holder = globalThis as unknown as { __factdeskJobs?: JobQueue };

export function runningJobs(): JobQueue | undefined {
  return holder.__factdeskJobs;
}

export function setRunningJobs(queue: JobQueue | undefined): void {
  holder.__factdeskJobs = queue;
}
