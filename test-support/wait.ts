import { setTimeout as delay } from "node:timers/promises";

/** Thrown by a check to stop waiting at once (e.g. the process being waited for has exited). */
export class GiveUp extends Error {}

/**
 * Calls `check` until it returns something truthy and returns that, or throws once `timeoutMs` has passed
 * (naming `what`, and the last error `check` threw). The wait between calls is only a polling interval: the
 * deadline is what bounds the wait, not a guess at how long things take.
 */
export async function waitFor<T>(
  check: () => Promise<T | false | undefined | null> | T | false | undefined | null,
  { timeoutMs, intervalMs = 100, what }: { timeoutMs: number; intervalMs?: number; what: string },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await delay(intervalMs);
  }
}
