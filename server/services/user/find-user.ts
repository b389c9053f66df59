import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import { NotFoundError } from "../../errors";

export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return user;
}

/** For operator commands that name people by email. */
export async function requireUserIdByEmail(db: Database, email: string): Promise<number> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new NotFoundError(`A user with email ${email}`);
  return user.id;
}
