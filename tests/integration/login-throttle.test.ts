import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginThrottle } from "@/db/schema";
import { toTRPCError } from "@/server/errors";
import { THROTTLE } from "@/server/services/user/login-throttle";
import { LoginThrottledError, verifyLogin } from "@/server/services/user/verify-login";
import { createTestUser, openTestDatabase, rejectionOf, TEST_PASSWORD, uniqueEmail } from "./helpers";

// Committed, not rolled back: the counters must be real rows any app instance would read. Every test
// uses its own accounts and its own client address, so tests never share a counter.
const { db } = await openTestDatabase();
let addresses = 0;
const freshAddress = () => `198.51.100.${++addresses}`; // the database is fresh per run

const login = (email: string, password: string, ip: string) => verifyLogin(db, { email, password }, ip);
async function failTimes(times: number, email: string, ip: string) {
  for (let i = 0; i < times; i++) expect(await login(email, "wrong password!", ip)).toBeNull();
}
async function counters(...keys: string[]) {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return Object.fromEntries(rows.map((r) => [r.key, r]));
}

describe("login throttling", () => {
  it(`locks an account after ${THROTTLE.accountLimit} wrong passwords, even against the right one`, async () => {
    const user = await createTestUser(db, "editor");
    const ip = freshAddress();
    await failTimes(THROTTLE.accountLimit - 1, user.email, ip);
    expect(await counters(`account:${user.email}`)).toMatchObject({ [`account:${user.email}`]: { failures: THROTTLE.accountLimit - 1, lockedUntil: null } });
    await failTimes(1, user.email, ip); // the last allowed failure still answers "wrong password"

    const error = await rejectionOf(login(user.email, TEST_PASSWORD, ip));
    expect(error).toBeInstanceOf(LoginThrottledError);
    expect(toTRPCError(error, "req").code).toBe("TOO_MANY_REQUESTS");
    expect((error as Error).message).toMatch(/Wait \d+ minute/);
    // The same account from another address is locked too: the lock is on the account.
    expect(await rejectionOf(login(user.email.toUpperCase(), TEST_PASSWORD, freshAddress()))).toBeInstanceOf(LoginThrottledError);

    // The state lives in PostgreSQL, so every app instance sees the same lock.
    const rows = await counters(`account:${user.email}`, `ip:${ip}`);
    expect(rows[`account:${user.email}`]?.failures).toBe(THROTTLE.accountLimit);
    expect(rows[`account:${user.email}`]?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(rows[`ip:${ip}`]).toMatchObject({ failures: THROTTLE.accountLimit, lockedUntil: null });
  });

  it(`other accounts from the same address work until the address reaches ${THROTTLE.ipLimit} failures`, async () => {
    const locked = await createTestUser(db, "editor");
    const other = await createTestUser(db, "editor");
    const ip = freshAddress();
    await failTimes(THROTTLE.accountLimit, locked.email, ip);
    expect(await login(other.email, TEST_PASSWORD, ip)).toMatchObject({ id: other.id });

    // Spread the remaining failures over accounts that never reach their own limit.
    for (let left = THROTTLE.ipLimit - 1 - THROTTLE.accountLimit; left > 0; left -= THROTTLE.accountLimit - 1) {
      await failTimes(Math.min(left, THROTTLE.accountLimit - 1), uniqueEmail("nobody"), ip);
    }
    expect((await counters(`ip:${ip}`))[`ip:${ip}`]?.failures).toBe(THROTTLE.ipLimit - 1);
    expect(await login(other.email, TEST_PASSWORD, ip)).toMatchObject({ id: other.id }); // one below the limit: still open

    await failTimes(1, uniqueEmail("nobody"), ip);
    expect(await rejectionOf(login(other.email, TEST_PASSWORD, ip))).toBeInstanceOf(LoginThrottledError);
    expect((await counters(`ip:${ip}`))[`ip:${ip}`]?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // The account itself is fine: from a different address it signs in.
    expect(await login(other.email, TEST_PASSWORD, freshAddress())).toMatchObject({ id: other.id });
  });

  it("a correct login clears the account's counter (but not the address's)", async () => {
    const user = await createTestUser(db, "reader");
    const ip = freshAddress();
    await failTimes(THROTTLE.accountLimit - 1, user.email, ip);
    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ id: user.id, email: user.email });

    const rows = await counters(`account:${user.email}`, `ip:${ip}`);
    expect(rows[`account:${user.email}`]).toBeUndefined();
    expect(rows[`ip:${ip}`]?.failures).toBe(THROTTLE.accountLimit - 1);
    // A fresh allowance: as many failures again do not lock the account.
    await failTimes(THROTTLE.accountLimit - 1, user.email, ip);
    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ id: user.id });
  });

  it("an unknown email answers null like a wrong password, and is counted", async () => {
    const email = uniqueEmail("unknown");
    const ip = freshAddress();
    expect(await login(email, TEST_PASSWORD, ip)).toBeNull();
    expect(await counters(`account:${email}`, `ip:${ip}`)).toMatchObject({
      [`account:${email}`]: { failures: 1 },
      [`ip:${ip}`]: { failures: 1 },
    });
  });

  it("a deactivated account with the right password answers null and is counted", async () => {
    const user = await createTestUser(db, "editor", { active: false });
    expect(await login(user.email, TEST_PASSWORD, freshAddress())).toBeNull();
    expect((await counters(`account:${user.email}`))[`account:${user.email}`]?.failures).toBe(1);
  });

  it("without a known client address only the account is counted", async () => {
    const user = await createTestUser(db, "reader");
    expect(await verifyLogin(db, { email: user.email, password: "wrong password!" }, null)).toBeNull();
    const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, [`account:${user.email}`, "ip:null", "ip:"]));
    expect(rows.map((r) => r.key)).toEqual([`account:${user.email}`]);
  });
});
