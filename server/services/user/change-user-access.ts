import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import { ConflictError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { roleInput } from "./user-input";
import { idInput } from "../ids";

export const setUserRoleInput = z.object({ userId: idInput, role: roleInput });
export const deactivateUserInput = z.object({ userId: idInput });

// Bumping session_version is what makes the change bite on the user's very next request.
const bumpSession = () => ({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() });
const returned = { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active };

/** Nobody, including the CLI, may remove the last active admin: that would lock everyone out of user management. */
async function assertAnotherActiveAdmin(tx: Database, userId: number) {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId)))
    .limit(1)
    .for("update");
  if (!other) throw new ConflictError("This is the last active admin. Make someone else an admin first.");
}

export async function setUserRole(ctx: ServiceContext, rawInput: z.input<typeof setUserRoleInput>) {
  assertCan(ctx.actor, "user.setRole");
  const input = setUserRoleInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!current) throw new NotFoundError("That user");
    if (current.role === input.role) return { id: current.id, email: current.email, name: current.name, role: current.role, active: current.active };
    if (current.role === "admin" && current.active) await assertAnotherActiveAdmin(tx, current.id);
    const [updated] = await tx.update(users).set({ role: input.role, ...bumpSession() }).where(eq(users.id, input.userId)).returning(returned);
    await recordAudit(tx, ctx.actor, { action: "user.role_changed", entityId: current.id, before: { role: current.role }, after: { role: input.role } });
    return updated!;
  });
}

export async function deactivateUser(ctx: ServiceContext, rawInput: z.input<typeof deactivateUserInput>) {
  assertCan(ctx.actor, "user.deactivate");
  const input = deactivateUserInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!current) throw new NotFoundError("That user");
    // Already deactivated: nothing changes (no audit row, sessions already refused).
    if (!current.active) return { id: current.id, email: current.email, name: current.name, role: current.role, active: current.active };
    if (current.role === "admin") await assertAnotherActiveAdmin(tx, current.id);
    const [updated] = await tx.update(users).set({ active: false, ...bumpSession() }).where(eq(users.id, input.userId)).returning(returned);
    await recordAudit(tx, ctx.actor, { action: "user.deactivated", entityId: current.id, before: { active: true }, after: { active: false } });
    return updated!;
  });
}
