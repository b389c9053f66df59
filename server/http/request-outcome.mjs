// Plain JavaScript for the same reason as content-security-policy.mjs: scripts/serve.mjs uses it.
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What a page found out while rendering that its HTTP status must say. A page cannot set its status (Next
 * answers a thrown error with a 500), so a public page that failed because the database is unreachable says
 * so here, and the public cache layer (public-cache-policy.mjs) answers 503 with Retry-After instead, as
 * tRPC procedures and route handlers do. One store per request, started by scripts/serve.mjs; shared with
 * the app (which Next bundles separately, with its own copy of this module) through globalThis.
 * @type {AsyncLocalStorage<{ retryAfterSeconds?: number }>}
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
