import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { ROLES, oneOf } from "./enums";

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("reader"),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    // Bumped on role change, deactivation and password reset: a session whose token carries an older
    // number is refused on its next request, although the JWT itself is still unexpired.
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
    check("users_role_check", oneOf(t.role, ROLES)),
    check("users_email_check", sql`position('@' in ${t.email}) > 1`),
  ],
);

/** Failed-login counters, keyed "account:<email>" or "ip:<address>"; in the database so every app instance shares them. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
