import { and, asc, eq, inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

/** Names of the people claims can be assigned to. No emails: editors need names, not addresses. */
export async function listEditors(ctx: ServiceContext) {
  assertCan(ctx.actor, "user.listEditors");
  return ctx.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["editor", "admin"])))
    .orderBy(asc(users.name));
}
