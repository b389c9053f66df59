import { z } from "zod";
import { users } from "@/db/schema";
import { ConflictError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
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
  if (await findUserByEmail(ctx.db, input.email)) {
    throw new ConflictError(`A user with email ${input.email} already exists. Use set-role or reset their password instead.`);
  }
  const passwordHash = await hashPassword(input.password);
  const [user] = await ctx.db
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active });
  if (!user) throw new Error("user insert returned no row");
  return user;
}
