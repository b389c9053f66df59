// Plain JavaScript for the same reason as content-security-policy.mjs: scripts/serve.mjs uses it.
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";

/**
 * What a page found out while rendering that its HTTP answer must say, since a page cannot set its status
 * or headers itself:
 * - that it failed because the database is unreachable: Next answers a thrown error with a 500, and the
 *   public cache layer (public-cache-policy.mjs) answers 503 with Retry-After instead, as tRPC procedures
 *   and route handlers do;
 * - what data it showed: a page rendered per request streams its parts in a different order each time, so
 *   its bytes cannot be its ETag; the data it read (with the build) can.
 * One store per request, started by scripts/serve.mjs; shared with the app (which Next bundles separately,
 * with its own copy of this module) through globalThis.
 * @type {AsyncLocalStorage<{ retryAfterSeconds?: number, reads?: string[] }>}
 */
const outcomes = (globalThis.__factdeskRequestOutcomes ??= new AsyncLocalStorage());

/** @template T @param {() => T} serve */
export function withRequestOutcome(serve) {
  return outcomes.run({}, serve);
}

/** Called by the app: this request failed because the database is unavailable. No-op outside scripts/serve.mjs. */
export function markDatabaseUnavailable(retryAfterSeconds) {
  const outcome = outcomes.getStore();
  if (outcome) outcome.retryAfterSeconds = retryAfterSeconds;
}

/** Seconds to put in Retry-After when the current request was marked unavailable, else undefined. */
export function unavailableRetryAfter() {
  return outcomes.getStore()?.retryAfterSeconds;
}

/** Called by the app with each public read's result (JSON-serialisable). No-op outside scripts/serve.mjs. */
export function noteDataShown(value) {
  const outcome = outcomes.getStore();
  if (!outcome) return;
  (outcome.reads ??= []).push(createHash("sha256").update(JSON.stringify(value) ?? "undefined").digest("base64url"));
}

/** A digest of everything the current request's page read, in order, or undefined when it noted nothing. */
export function dataShownDigest() {
  const reads = outcomes.getStore()?.reads;
  return reads?.length ? createHash("sha256").update(reads.join(" ")).digest("base64url") : undefined;
}
