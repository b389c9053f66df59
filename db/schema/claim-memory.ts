import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { articleRevisions, articles } from "./articles";
import { claims } from "./claims";
import { oneOf } from "./enums";
import { users } from "./users";

/**
 * Claims an editor has linked as the same claim (decision 0031): each member points here through
 * claims.group_id. The row itself only gives the group an identity; a group with fewer than two
 * members is dissolved by the service that unlinks.
 */
export const claimGroups = pgTable(
  "claim_groups",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("claim_groups_created_by_idx").on(t.createdBy)],
);

export const SUGGESTION_STATUSES = ["open", "accepted", "dismissed"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * Claim memory (decision 0032): a sentence of an article that matched a published claim of another article
 * above the link threshold, offered in the workspace as "Already checked". A dismissed suggestion stays, so
 * the same sentence is not offered again for the same claim after a revision.
 */
export const claimSuggestions = pgTable(
  "claim_suggestions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    /** The revision whose body the positions describe. */
    revisionId: integer("revision_id").notNull().references(() => articleRevisions.id, { onDelete: "restrict" }),
    sentence: text("sentence").notNull(),
    positionStart: integer("position_start").notNull(),
    positionEnd: integer("position_end").notNull(),
    matchedClaimId: integer("matched_claim_id").notNull().references(() => claims.id, { onDelete: "restrict" }),
    score: real("score").notNull(),
    status: text("status", { enum: SUGGESTION_STATUSES }).notNull().default("open"),
    /** The claim marked when the suggestion was accepted. */
    acceptedClaimId: integer("accepted_claim_id").references(() => claims.id, { onDelete: "set null" }),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "restrict" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("claim_suggestions_article_claim_sentence_key").on(t.articleId, t.matchedClaimId, t.sentence),
    index("claim_suggestions_matched_claim_id_idx").on(t.matchedClaimId),
    index("claim_suggestions_revision_id_idx").on(t.revisionId),
    index("claim_suggestions_accepted_claim_id_idx").on(t.acceptedClaimId),
    index("claim_suggestions_decided_by_idx").on(t.decidedBy),
    check("claim_suggestions_status_check", oneOf(t.status, SUGGESTION_STATUSES)),
    check("claim_suggestions_position_check", sql`0 <= ${t.positionStart} and ${t.positionStart} < ${t.positionEnd}`),
  ],
);
