import { z } from "zod";
import { users } from "@/db/schema";
import { ConflictError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { findUserByEmail } from "./find-user";
import { hashPassword } from "./password";
import { emailInput, passwordInput, roleInput } from "./user-input";

export const createUserInput = z.object({
  email: emailInput,
  name: z.string().trim().min(1, "Give the person's name.").max(120),
  role: roleInput,
  password: passwordInput,
});

export async function createUser(ctx: ServiceContext, rawInput: z.input<typeof createUserInput>) {
  assertCan(ctx.actor, "user.create");
  const input = createUserInput.parse(rawInput);
  const exists = () => new ConflictError(`A user with email ${input.email} already exists. Use set-role or reset their password instead.`);
  if (await findUserByEmail(ctx.db, input.email)) throw exists();
  // Hashed before the transaction: argon2 takes a moment and must not hold a transaction open.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active });
    // Someone created the same address meanwhile (the unique index on lower(email) decided).
    if (!user) throw exists();
    // Never the password or its hash: the log says that an account exists and with which role.
    await recordAudit(tx, ctx.actor, { action: "user.created", entityId: user.id, after: { email: user.email, name: user.name, role: user.role } });
    return user;
  });
}
