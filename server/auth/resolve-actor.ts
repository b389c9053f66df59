import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import { anonymous, type Actor } from "../actor";

/**
 * Turns a session's claims into an actor by reading the user row: a deactivated user, or a token from
 * before a role change or password reset (older session version), is treated as signed out.
 */
export async function resolveActor(db: Database, claims: { uid?: number; sv?: number } | null | undefined): Promise<Actor> {
  if (!claims?.uid || claims.sv === undefined) return anonymous;
  const [user] = await db
    .select({ id: users.id, role: users.role, name: users.name, email: users.email, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, claims.uid));
  if (!user || !user.active || user.sessionVersion !== claims.sv) return anonymous;
  return { kind: "user", id: user.id, role: user.role, name: user.name, email: user.email };
}
