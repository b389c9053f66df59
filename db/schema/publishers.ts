import { check, date, index, pgTable, integer, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { RELIABILITY_RATINGS, oneOf } from "./enums";
import { users } from "./users";

export const publishers = pgTable(
  "publishers",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Host without "www.", lowercased: the key a pasted URL is matched on. */
    domain: text("domain").notNull(),
    name: text("name").notNull(),
    reliabilityRating: text("reliability_rating", { enum: RELIABILITY_RATINGS }).notNull().default("unrated"),
    reliabilityRationale: text("reliability_rationale"),
    /** The day the current rating was decided (the rating history has every earlier one). */
    ratedOn: date("rated_on"),
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

/** Every rating a publisher was given, newest last: the history behind publishers.reliability_rating. Append-only. */
export const publisherRatings = pgTable(
  "publisher_ratings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer("publisher_id").notNull().references(() => publishers.id, { onDelete: "restrict" }),
    rating: text("rating", { enum: RELIABILITY_RATINGS }).notNull(),
    rationale: text("rationale").notNull(),
    ratedOn: date("rated_on").notNull(),
    ratedBy: integer("rated_by").references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("publisher_ratings_publisher_id_idx").on(t.publisherId, t.id),
    index("publisher_ratings_rated_by_idx").on(t.ratedBy),
    check("publisher_ratings_rating_check", oneOf(t.rating, RELIABILITY_RATINGS)),
  ],
);
