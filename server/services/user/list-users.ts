import { asc } from "drizzle-orm";
import { users } from "@/db/schema";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

export async function listUsers(ctx: ServiceContext) {
  assertCan(ctx.actor, "user.list");
  return ctx.db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.id));
}
