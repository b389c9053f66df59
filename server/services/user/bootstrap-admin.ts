import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import type { ServerEnv } from "@/server/env.mjs";
import { createUser } from "./create-user";

const DEFAULT_ADMIN_EMAIL = "admin@factdesk.local";

/**
 * First start: when no active admin exists, create one from ADMIN_EMAIL/ADMIN_PASSWORD, or with a random
 * password printed once. There is never a default password. Safe when several instances start at once.
 */
export async function bootstrapAdmin(db: Database, env: Pick<ServerEnv, "ADMIN_EMAIL" | "ADMIN_PASSWORD">, log: (line: string) => void): Promise<void> {
  await db.transaction(async (tx) => {
    // Serialises concurrent first starts; released at commit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('factdesk.bootstrap-admin'))`);
    const [admin] = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true))).limit(1);
    if (admin) return;
    const email = env.ADMIN_EMAIL?.trim() || DEFAULT_ADMIN_EMAIL;
    const generated = !env.ADMIN_PASSWORD;
    const password = env.ADMIN_PASSWORD || randomBytes(18).toString("base64url");
    await createUser({ db: tx, actor: { kind: "system", label: "first start" } }, { email, name: "Administrator", role: "admin", password });
    if (generated) {
      log(`Created the first admin account: ${email}\n  password: ${password}\n  This is shown once. Sign in at /login and keep it somewhere safe.`);
    } else {
      log(`Created the first admin account ${email} from ADMIN_EMAIL/ADMIN_PASSWORD.`);
    }
  });
}
