import { parseEnv, type ServerEnv } from "../env.mjs";

/** Settings of the background jobs, taken from the configuration module (server/env.mjs). */
export interface JobSettings {
  enabled: boolean;
  captureRetryLimit: number;
  /** First wait before a retry; pg-boss doubles it each time (backoff). */
  captureRetryDelaySeconds: number;
  linkCheckPeriodMs: number;
  deadAfterFailures: number;
  deadAfterDays: number;
  hostGapMs: number;
}

export function jobSettingsFrom(env: Pick<ServerEnv, "FACTDESK_JOBS" | "CAPTURE_RETRY_LIMIT" | "LINK_CHECK_PERIOD_DAYS" | "LINK_DEAD_AFTER_FAILURES" | "LINK_DEAD_AFTER_DAYS" | "FETCH_HOST_GAP_MS">): JobSettings {
  return {
    enabled: env.FACTDESK_JOBS,
    captureRetryLimit: env.CAPTURE_RETRY_LIMIT,
    captureRetryDelaySeconds: 30,
    linkCheckPeriodMs: env.LINK_CHECK_PERIOD_DAYS * 86_400_000,
    deadAfterFailures: env.LINK_DEAD_AFTER_FAILURES,
    deadAfterDays: env.LINK_DEAD_AFTER_DAYS,
    hostGapMs: env.FETCH_HOST_GAP_MS,
  };
}

/** The defaults of the configuration module, for tests that change one setting. */
export const DEFAULT_JOB_SETTINGS: JobSettings = jobSettingsFrom(parseEnv({}));
