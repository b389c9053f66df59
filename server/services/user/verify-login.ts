import { z } from "zod";
import { DomainError } from "../../errors";
import type { Database } from "@/db/types";
import { findUserByEmail } from "./find-user";
import { clearFailures, recordFailure, secondsLocked, throttleKeys } from "./login-throttle";
import { burnPasswordCheck, verifyPassword } from "./password";

const loginInput = z.object({ email: z.string().trim().max(254), password: z.string().max(256) });

export class LoginThrottledError extends DomainError {
  constructor(seconds: number) {
    super("TOO_MANY_REQUESTS", `Too many failed sign-ins. Wait ${Math.ceil(seconds / 60)} minute(s) and try again, or ask an admin to reset your password.`);
  }
}

/**
 * Checks a sign-in attempt. Returns the user on success and null for any wrong email, wrong password or
 * deactivated account (one answer for all, so it reveals nothing); throws LoginThrottledError when locked.
 */
export async function verifyLogin(db: Database, rawInput: { email: string; password: string }, ip: string | null) {
  const parsed = loginInput.safeParse(rawInput);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, ip);
  const locked = await secondsLocked(db, keys.map((k) => k.key));
  if (locked > 0) throw new LoginThrottledError(locked);

  const user = await findUserByEmail(db, email);
  const ok = user ? (await verifyPassword(user.passwordHash, password)) && user.active : (await burnPasswordCheck(password), false);
  if (!ok || !user) {
    for (const { key, limit } of keys) await recordFailure(db, key, limit);
    return null;
  }
  await clearFailures(db, keys[0]!.key);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
