import { check, index, pgTable, integer, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { RELIABILITY_RATINGS, oneOf } from "./enums";

export const publishers = pgTable(
  "publishers",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Host without "www.", lowercased: the key a pasted URL is matched on. */
    domain: text("domain").notNull(),
    name: text("name").notNull(),
    reliabilityRating: text("reliability_rating", { enum: RELIABILITY_RATINGS }).notNull().default("unrated"),
    reliabilityRationale: text("reliability_rationale"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("publishers_domain_key").on(t.domain),
    // Source search by publisher name (partial words, misspellings): thousands of publishers in a big newsroom.
    index("publishers_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    check("publishers_reliability_rating_check", oneOf(t.reliabilityRating, RELIABILITY_RATINGS)),
  ],
);
