import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { STANCES, oneOf } from "./enums";
import { claims } from "./claims";
import { sources } from "./sources";
import { users } from "./users";

export const evidence = pgTable(
  "evidence",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "restrict" }),
    sourceId: integer("source_id").notNull().references(() => sources.id, { onDelete: "restrict" }),
    stance: text("stance", { enum: STANCES }).notNull(),
    /** The link exactly as the editor pasted it for this evidence (a video at its time); null when picked from the registry. */
    url: text("url"),
    excerpt: text("excerpt"),
    /** Where in the source: "1:02:03" in a video, "p. 12", "para 4". */
    locator: text("locator"),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "restrict" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("evidence_claim_id_idx").on(t.claimId),
    index("evidence_source_id_idx").on(t.sourceId),
    index("evidence_created_by_idx").on(t.createdBy),
    // The same source at the same place cannot back one claim twice (readers would see it twice); removed rows don't count.
    uniqueIndex("evidence_live_claim_source_locator_key")
      .on(t.claimId, t.sourceId, sql`coalesce(${t.locator}, '')`)
      .where(sql`${t.deletedAt} is null`),
    check("evidence_stance_check", oneOf(t.stance, STANCES)),
    check("evidence_url_check", sql`${t.url} is null or ${t.url} ~* '^https?://'`),
    check("evidence_version_check", sql`${t.version} >= 1`),
  ],
);
