import PgBoss from "pg-boss";
import type { QueueDatabase } from "@/db/client";
import type { Database } from "@/db/types";
import { spreadDelays } from "@/lib/sources/link-health";
import type { Fetcher } from "../fetch";
import type { PublicCache } from "../services/context";
import { captureSource } from "../services/archive/capture-source";
import { checkSourceLink, sourcesDueForCheck } from "../services/archive/check-link";
import { outstandingCaptures } from "../services/archive/capture-status";
import { reserveHostSlot } from "./politeness";
import type { JobSettings } from "./settings";

export const QUEUES = { capture: "source-capture", linkCheck: "source-link-check", linkSweep: "link-sweep" } as const;
const SWEEP_EVERY_MS = 60 * 60 * 1000; // the cron below: hourly
const SWEEP_CRON = "17 * * * *";
/** A host's turn further away than this is not waited for in the worker: the job is sent again for later. */
const LONGEST_HOST_WAIT_MS = 15_000;
/** pg-boss priorities (higher runs first). */
const WAITED_FOR = 1;
const BACKLOG = 0;

interface SourceJob {
  sourceId: number;
}

/** The parts of the server that ask for background work; absent in tests and CLIs that run no queue. */
export interface JobRequests {
  capturesRequested(sourceIds: number[]): Promise<void>;
}

export interface JobQueueOptions {
  db: Database;
  queueDatabase: QueueDatabase;
  fetcher: Fetcher;
  settings: JobSettings;
  /** Expires readers' cached pages when a check finds a source dead (or back); none in tests. */
  publicCache?: PublicCache;
  /** Run the hourly link-check sweep (off in tests that drive checks themselves). */
  schedule?: boolean;
  onError?: (error: unknown) => void;
}

export interface JobQueue extends JobRequests {
  start(): Promise<void>;
  /** Stops fetching new jobs; jobs still running after `timeoutMs` are failed, so they are retried, not lost. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  linkChecksRequested(sourceIds: number[], { spreadOverMs }?: { spreadOverMs?: number }): Promise<void>;
  /** The underlying pg-boss instance, for tests that inspect job states. */
  readonly boss: PgBoss;
}

class HostBusy extends Error {
  constructor(readonly waitMs: number) {
    super(`host busy for ${waitMs} ms`);
  }
}

/**
 * Background jobs on pg-boss (decision 0015): captures of cited sources and link checks, one job per source at a
 * time (stately queues keyed by source), retried with backoff, per-host politeness through fetch_hosts, and an
 * hourly sweep that spreads link checks over the configured period.
 */
export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { db, fetcher, settings } = options;
  const connection =
    "connectionString" in options.queueDatabase ? { connectionString: options.queueDatabase.connectionString, max: 3 } : { db: options.queueDatabase };
  const boss = new PgBoss({ ...connection, schema: "pgboss", application_name: "factdesk-jobs", schedule: options.schedule ?? true });
  boss.on("error", (error) => (options.onError ?? ((e) => console.error("job queue error", e)))(error));

  const awaitHost = async (url: string) => {
    const waitMs = await reserveHostSlot(db, url, settings.hostGapMs);
    if (waitMs > LONGEST_HOST_WAIT_MS) throw new HostBusy(waitMs);
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  };
  const key = (sourceId: number) => `source:${sourceId}`;
  // A capture someone is waiting for (a citation, a re-capture) goes ahead of the backlog a starting queue picks up
  // and of its retries: an editor's new source is archived in seconds even behind hundreds of failing links.
  const sendCapture = (sourceId: number, { startAfter, priority = WAITED_FOR }: { startAfter?: number; priority?: number } = {}) =>
    boss.send(QUEUES.capture, { sourceId }, { singletonKey: key(sourceId), startAfter, priority });
  const sendCheck = (sourceId: number, startAfter?: number) => boss.send(QUEUES.linkCheck, { sourceId }, { singletonKey: key(sourceId), startAfter });

  async function runCapture([job]: PgBoss.JobWithMetadata<SourceJob>[]) {
    if (!job) return;
    try {
      await captureSource({ db, fetcher, awaitHost, publicCache: options.publicCache }, job.data.sourceId, { finalAttempt: job.retryCount >= job.retryLimit });
    } catch (error) {
      // A RetryableCaptureError (or any other) goes back to pg-boss, which retries it with backoff.
      if (!(error instanceof HostBusy)) throw error;
      // Not an attempt that failed: the host's turn comes later.
      await sendCapture(job.data.sourceId, { startAfter: Math.ceil(error.waitMs / 1000), priority: job.priority });
    }
  }

  async function runCheck([job]: PgBoss.JobWithMetadata<SourceJob>[]) {
    if (!job) return;
    try {
      await checkSourceLink({ db, fetcher, awaitHost, publicCache: options.publicCache, rule: { deadAfterFailures: settings.deadAfterFailures, deadAfterDays: settings.deadAfterDays } }, job.data.sourceId);
    } catch (error) {
      if (!(error instanceof HostBusy)) throw error;
      await sendCheck(job.data.sourceId, Math.ceil(error.waitMs / 1000));
    }
  }

  const queue: JobQueue = {
    boss,
    async start() {
      await boss.start();
      const retry = { retryLimit: settings.captureRetryLimit, retryDelay: settings.captureRetryDelaySeconds, retryBackoff: true };
      // A fetch takes at most 30 s; a job still active after 2 minutes belonged to a process that died: retried.
      await boss.createQueue(QUEUES.capture, { name: QUEUES.capture, policy: "stately", ...retry, expireInSeconds: 120 });
      await boss.createQueue(QUEUES.linkCheck, { name: QUEUES.linkCheck, policy: "stately", retryLimit: 0, expireInSeconds: 120 });
      await boss.createQueue(QUEUES.linkSweep, { name: QUEUES.linkSweep, policy: "singleton", retryLimit: 0, expireInSeconds: 600 });
      for (let i = 0; i < 2; i++) {
        await boss.work<SourceJob>(QUEUES.capture, { includeMetadata: true, pollingIntervalSeconds: 1 }, runCapture);
        await boss.work<SourceJob>(QUEUES.linkCheck, { includeMetadata: true, pollingIntervalSeconds: 2 }, runCheck);
      }
      await boss.work(QUEUES.linkSweep, async () => {
        const due = await sourcesDueForCheck(db, settings.linkCheckPeriodMs, SWEEP_EVERY_MS);
        await queue.linkChecksRequested(due, { spreadOverMs: SWEEP_EVERY_MS });
      });
      if (options.schedule ?? true) await boss.schedule(QUEUES.linkSweep, SWEEP_CRON);
      // Captures asked for while no queue ran (or whose job a crash lost between commit and send).
      for (const sourceId of await outstandingCaptures(db)) await sendCapture(sourceId, { priority: BACKLOG });
    },
    async stop({ timeoutMs = 10_000 } = {}) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
    async capturesRequested(sourceIds) {
      for (const sourceId of sourceIds) await sendCapture(sourceId);
    },
    async linkChecksRequested(sourceIds, { spreadOverMs = 0 } = {}) {
      const delays = spreadDelays(sourceIds.length, spreadOverMs);
      for (const [i, sourceId] of sourceIds.entries()) await sendCheck(sourceId, Math.floor((delays[i] ?? 0) / 1000));
    },
  };
  return queue;
}
