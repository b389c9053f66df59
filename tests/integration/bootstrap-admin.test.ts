import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { bootstrapAdmin } from "@/server/services/user/bootstrap-admin";
import { verifyLogin } from "@/server/services/user/verify-login";
import { countRows, envWith, inRollback, openIsolatedDatabase, uniqueEmail } from "./helpers";

// Its own database, and each test rolled back: "no admin exists yet" must really be true at the start.
const db = await openIsolatedDatabase();

function collectLog() {
  const lines: string[] = [];
  return { lines, log: (line: string) => void lines.push(line) };
}

describe("bootstrapAdmin on first start", () => {
  it("creates the admin named by ADMIN_EMAIL with ADMIN_PASSWORD, and never prints that password", () =>
    inRollback(db, async (tx) => {
      const email = uniqueEmail("boss");
      const password = "operator chosen passphrase";
      const { lines, log } = collectLog();
      await bootstrapAdmin(tx, envWith({ ADMIN_EMAIL: email, ADMIN_PASSWORD: password }), log);

      const admins = await tx.select().from(users).where(eq(users.role, "admin"));
      expect(admins).toHaveLength(1);
      expect(admins[0]).toMatchObject({ email, active: true });
      expect(admins[0]?.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(await verifyLogin(tx, { email, password }, null)).toMatchObject({ role: "admin" });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(email);
      expect(lines.join("\n")).not.toContain(password);
    }));

  it("without ADMIN_PASSWORD generates a password, shows it exactly once, and it works", () =>
    inRollback(db, async (tx) => {
      const { lines, log } = collectLog();
      await bootstrapAdmin(tx, envWith(), log);

      expect(lines).toHaveLength(1);
      const [admin] = await tx.select().from(users).where(eq(users.role, "admin"));
      expect(admin?.email).toMatch(/@/);
      expect(lines[0]).toContain(admin!.email);
      const shown = /password: (\S+)/.exec(lines[0]!)?.[1];
      expect(shown, "the log line shows the generated password").toBeDefined();
      expect(shown!.length).toBeGreaterThanOrEqual(16);
      expect(await verifyLogin(tx, { email: admin!.email, password: shown! }, null)).toMatchObject({ id: admin!.id });

      // Restarting: nothing new, nothing printed again.
      await bootstrapAdmin(tx, envWith(), log);
      expect(lines).toHaveLength(1);
    }));

  it("two runs generate different passwords (no default password exists)", async () => {
    const shown: string[] = [];
    for (let run = 0; run < 2; run++) {
      await inRollback(db, async (tx) => {
        const { lines, log } = collectLog();
        await bootstrapAdmin(tx, envWith(), log);
        shown.push(/password: (\S+)/.exec(lines[0] ?? "")?.[1] ?? `missing ${run}`);
      });
    }
    expect(shown[0]).not.toBe(shown[1]);
  });

  it("does nothing when an active admin exists, even with ADMIN_EMAIL naming someone else", () =>
    inRollback(db, async (tx) => {
      const { log, lines } = collectLog();
      await bootstrapAdmin(tx, envWith({ ADMIN_EMAIL: uniqueEmail("first"), ADMIN_PASSWORD: "first admin passphrase" }), log);
      const before = await countRows(tx, "users");
      await bootstrapAdmin(tx, envWith({ ADMIN_EMAIL: uniqueEmail("second"), ADMIN_PASSWORD: "second admin passphrase" }), log);
      expect(await countRows(tx, "users")).toBe(before);
      expect(lines).toHaveLength(1);
    }));

  it("creates a new admin when the only admin was deactivated, so nobody is locked out", () =>
    inRollback(db, async (tx) => {
      const { log } = collectLog();
      const first = uniqueEmail("gone");
      await bootstrapAdmin(tx, envWith({ ADMIN_EMAIL: first, ADMIN_PASSWORD: "first admin passphrase" }), log);
      await tx.update(users).set({ active: false }).where(eq(users.email, first));
      const replacement = uniqueEmail("replacement");
      await bootstrapAdmin(tx, envWith({ ADMIN_EMAIL: replacement, ADMIN_PASSWORD: "replacement passphrase" }), log);
      const [row] = await tx.select().from(users).where(eq(users.email, replacement));
      expect(row).toMatchObject({ role: "admin", active: true });
    }));
});
