import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import { resolveActor } from "@/server/auth/resolve-actor";
import { verifyLogin } from "@/server/services/user/verify-login";
import { callerFor, createTestUser, inRollback, openIsolatedDatabase, rejectionOf, sqlState, systemActor, uniqueEmail, uniqueName } from "./helpers";

// Its own database: "the last active admin" is a fact about the whole users table, which the other
// files (creating admins in parallel) would otherwise change under this one.
const db = await openIsolatedDatabase();

async function sessionOf(tx: Database, id: number) {
  const [row] = await tx.select({ uid: users.id, sv: users.sessionVersion }).from(users).where(eq(users.id, id));
  if (!row) throw new Error(`user ${id} is gone`);
  return row;
}

describe("user procedures", () => {
  it("creates a user whose email is unique regardless of case, with an argon2id hash", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const local = uniqueName("Ana");
      const created = await admin.user.create({ email: `${local}@X.org`, name: "Ana", role: "editor", password: "twelve chars or more" });
      expect(created).toMatchObject({ role: "editor", active: true });

      const duplicate = await rejectionOf(admin.user.create({ email: `${local.toLowerCase()}@x.org`, name: "Ana 2", role: "reader", password: "twelve chars or more" }));
      expect(duplicate).toMatchObject({ code: "CONFLICT" });
      expect((duplicate as Error).message).toMatch(/already exists/);

      const [row] = await tx.select().from(users).where(eq(users.id, created.id));
      expect(row?.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(row?.passwordHash).not.toContain("twelve chars");
      // The database enforces it too, for writers that bypass the service.
      const raw = await rejectionOf(
        tx.transaction((sp) => sp.execute(sql`insert into users (email, name, password_hash) values (${`${local.toUpperCase()}@X.ORG`}, 'x', 'x')`)),
      );
      expect(sqlState(raw)).toBe("23505");
    }));

  it("a session stays valid until role change, password reset or deactivation bumps its version", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const person = await createTestUser(tx, "reader");
      const first = await sessionOf(tx, person.id);
      expect(await resolveActor(tx, first)).toMatchObject({ kind: "user", id: person.id, role: "reader" });

      await admin.user.setRole({ userId: person.id, role: "editor" });
      const afterRole = await sessionOf(tx, person.id);
      expect(afterRole.sv).toBeGreaterThan(first.sv);
      expect(await resolveActor(tx, first)).toEqual({ kind: "anonymous" });
      expect(await resolveActor(tx, afterRole)).toMatchObject({ kind: "user", role: "editor" });

      await admin.user.resetPassword({ userId: person.id, password: "a brand new passphrase" });
      const afterReset = await sessionOf(tx, person.id);
      expect(afterReset.sv).toBeGreaterThan(afterRole.sv);
      expect(await resolveActor(tx, afterRole)).toEqual({ kind: "anonymous" });
      expect(await verifyLogin(tx, { email: person.email, password: "a brand new passphrase" }, null)).toMatchObject({ id: person.id });

      await admin.user.deactivate({ userId: person.id });
      const afterDeactivate = await sessionOf(tx, person.id);
      expect(afterDeactivate.sv).toBeGreaterThan(afterReset.sv);
      expect(await resolveActor(tx, afterReset)).toEqual({ kind: "anonymous" });
      // Even a token minted with the current version is refused once the account is inactive.
      expect(await resolveActor(tx, afterDeactivate)).toEqual({ kind: "anonymous" });
    }));

  it("setting the role a user already has does not end their sessions", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const person = await createTestUser(tx, "editor");
      const before = await sessionOf(tx, person.id);
      await admin.user.setRole({ userId: person.id, role: "editor" });
      expect(await resolveActor(tx, before)).toMatchObject({ kind: "user", id: person.id });
    }));

  it.each([null, undefined, {}, { uid: 1 }, { sv: 1 }, { uid: 2_000_000_000, sv: 1 }])("resolveActor(%j) is anonymous", async (claims) => {
    expect(await resolveActor(db, claims)).toEqual({ kind: "anonymous" });
  });

  it("the last active admin can be neither demoted nor deactivated", () =>
    inRollback(db, async (tx) => {
      // Start from "no active admin" inside this snapshot, whatever earlier tests committed.
      await tx.update(users).set({ active: false }).where(eq(users.role, "admin"));
      const only = await createTestUser(tx, "admin");
      const self = callerFor(tx, only);

      // One at a time: they share the test's transaction (and so its connection).
      for (const change of [() => self.user.setRole({ userId: only.id, role: "editor" }), () => self.user.deactivate({ userId: only.id })]) {
        const error = await rejectionOf(change());
        expect(error).toMatchObject({ code: "CONFLICT" });
        expect((error as Error).message).toMatch(/last active admin/);
      }
      // The CLI runs as the system actor: the rule holds for it too.
      const system = callerFor(tx, systemActor);
      expect(await rejectionOf(system.user.deactivate({ userId: only.id }))).toMatchObject({ code: "CONFLICT" });
      expect(await sessionOf(tx, only.id)).toMatchObject({ sv: 1 });

      // A deactivated admin is no stand-in; a second active one is.
      await createTestUser(tx, "admin", { active: false });
      expect(await rejectionOf(self.user.setRole({ userId: only.id, role: "reader" }))).toMatchObject({ code: "CONFLICT" });
      await createTestUser(tx, "admin");
      expect(await self.user.setRole({ userId: only.id, role: "editor" })).toMatchObject({ role: "editor" });
    }));

  it("admins list users; unknown users are NOT_FOUND", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const email = uniqueEmail("listed");
      await createTestUser(tx, "reader", { email });
      const listed = await admin.user.list();
      expect(listed.map((u) => u.email)).toContain(email);
      expect(JSON.stringify(listed)).not.toMatch(/argon2|password/i);
      const missing = 2_000_000_000;
      const calls = [
        () => admin.user.setRole({ userId: missing, role: "reader" }),
        () => admin.user.deactivate({ userId: missing }),
        () => admin.user.resetPassword({ userId: missing, password: "long enough password" }),
      ];
      for (const call of calls) expect(await rejectionOf(call())).toMatchObject({ code: "NOT_FOUND" });
    }));
});
