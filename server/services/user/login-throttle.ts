import { and, gt, inArray, sql } from "drizzle-orm";
import { loginThrottle } from "@/db/schema";
import type { Database } from "@/db/types";

/**
 * Failed sign-ins are counted per account and per client address in PostgreSQL, so the limit holds
 * across app instances and restarts. Past the limit the key is locked for LOCK_MINUTES.
 */
export const THROTTLE = { accountLimit: 5, ipLimit: 20, windowMinutes: 15, lockMinutes: 15 } as const;

export function throttleKeys(email: string, ip: string | null) {
  const keys: { key: string; limit: number }[] = [{ key: `account:${email.trim().toLowerCase()}`, limit: THROTTLE.accountLimit }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: THROTTLE.ipLimit });
  return keys;
}

/** Seconds until the earliest lock on these keys lifts, or 0 when none is locked. */
export async function secondsLocked(db: Database, keys: string[]): Promise<number> {
  const [row] = await db
    .select({ until: sql<string | null>`max(${loginThrottle.lockedUntil})` })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, sql`now()`)));
  return row?.until ? Math.max(1, Math.ceil((new Date(row.until).getTime() - Date.now()) / 1000)) : 0;
}

export async function recordFailure(db: Database, key: string, limit: number): Promise<void> {
  const window = sql.raw(`interval '${THROTTLE.windowMinutes} minutes'`);
  const lock = sql.raw(`interval '${THROTTLE.lockMinutes} minutes'`);
  // One statement, so concurrent failures from several instances cannot lose a count.
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), ${limit <= 1 ? sql`now() + ${lock}` : sql`null`})
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at < now() - ${window} then 1 else login_throttle.failures + 1 end,
      window_started_at = case when login_throttle.window_started_at < now() - ${window} then now() else login_throttle.window_started_at end,
      locked_until = case
        when login_throttle.window_started_at >= now() - ${window} and login_throttle.failures + 1 >= ${limit} then now() + ${lock}
        else login_throttle.locked_until end`);
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}
