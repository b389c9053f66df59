import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "./password";
import { passwordInput } from "./user-input";
import { idInput } from "../ids";

export const resetPasswordInput = z.object({ userId: idInput, password: passwordInput });

/** Sets a new password and signs the user out everywhere (their old sessions fail on the next request). */
export async function resetPassword(ctx: ServiceContext, rawInput: z.input<typeof resetPasswordInput>) {
  assertCan(ctx.actor, "user.resetPassword");
  const input = resetPasswordInput.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email });
    if (!updated) throw new NotFoundError("That user");
    // That it happened, by whom and when; the hash stays out of the log (before and after are empty on purpose).
    await recordAudit(tx, ctx.actor, { action: "user.password_reset", entityId: updated.id });
    return updated;
  });
}
