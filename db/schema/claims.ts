import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";
import { ANCHOR_STATES, CLAIM_KINDS, CLAIM_STATUSES, VERDICTS, oneOf } from "./enums";
import { articleRevisions, articles } from "./articles";
import { users } from "./users";
import { claimGroups } from "./claim-memory";

/**
 * The claim's words and rationale as stored text vectors: generated columns (migration 0019), so ranking reads
 * them instead of running to_tsvector on every match. Not declared as columns of `claims`: every whole-row read
 * and `returning()` (claim detail, audit snapshots) would then carry them to clients (decision 0037).
 */
export const claimVectors = {
  /** to_tsvector('english', quote_exact) */
  quote: sql`"claims"."quote_vector"`,
  /** to_tsvector('english', coalesce(rationale, '')) */
  rationale: sql`"claims"."rationale_vector"`,
};

export const claims = pgTable(
  "claims",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "restrict" }),
    /** The revision whose body the selectors below describe. */
    revisionId: integer("revision_id").notNull().references(() => articleRevisions.id, { onDelete: "restrict" }),
    // W3C TextQuoteSelector
    quoteExact: text("quote_exact").notNull(),
    quotePrefix: text("quote_prefix").notNull().default(""),
    quoteSuffix: text("quote_suffix").notNull().default(""),
    // W3C TextPositionSelector, in UTF-16 code units of the revision body (what browsers count)
    positionStart: integer("position_start").notNull(),
    positionEnd: integer("position_end").notNull(),
    kind: text("kind", { enum: CLAIM_KINDS }).notNull(),
    speaker: text("speaker"),
    summary: text("summary"),
    status: text("status", { enum: CLAIM_STATUSES }).notNull().default("unchecked"),
    verdict: text("verdict", { enum: VERDICTS }),
    rationale: text("rationale"),
    verdictSetBy: integer("verdict_set_by").references(() => users.id, { onDelete: "restrict" }),
    verdictSetAt: timestamp("verdict_set_at", { withTimezone: true }),
    reviewedBy: integer("reviewed_by").references(() => users.id, { onDelete: "restrict" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    anchorState: text("anchor_state", { enum: ANCHOR_STATES }).notNull().default("anchored"),
    assigneeId: integer("assignee_id").references(() => users.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "restrict" }),
    /** Optimistic lock: every update says which version it saw and bumps it. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedBy: integer("deleted_by").references(() => users.id, { onDelete: "restrict" }),
    /** Claims linked by an editor as the same claim share a group (decision 0031). */
    groupId: integer("group_id").references(() => claimGroups.id, { onDelete: "set null" }),
    /** The published claim whose verdict, rationale and evidence were copied here as a starting point. */
    reusedFromClaimId: integer("reused_from_claim_id").references((): AnyPgColumn => claims.id, { onDelete: "restrict" }),
  },
  (t) => [
    index("claims_article_id_position_idx").on(t.articleId, t.positionStart),
    index("claims_revision_id_idx").on(t.revisionId),
    index("claims_status_idx").on(t.status),
    index("claims_assignee_id_idx").on(t.assigneeId),
    // "My queue": a user's assigned claims and the claims in review, oldest first, read a page at a time.
    index("claims_assignee_queue_idx").on(t.assigneeId, t.updatedAt, t.id).where(sql`${t.deletedAt} is null`),
    index("claims_status_queue_idx").on(t.status, t.updatedAt, t.id).where(sql`${t.deletedAt} is null`),
    index("claims_verdict_set_by_idx").on(t.verdictSetBy),
    index("claims_reviewed_by_idx").on(t.reviewedBy),
    index("claims_created_by_idx").on(t.createdBy),
    index("claims_deleted_by_idx").on(t.deletedBy),
    index("claims_group_id_idx").on(t.groupId),
    index("claims_reused_from_claim_id_idx").on(t.reusedFromClaimId),
    // Search (server/services/search) and findSimilarClaims match and rank on the stored vectors (claimVectors
    // below); speakers are short, so trigrams catch misspellings there.
    index("claims_quote_exact_fts_idx").using("gin", sql`"quote_vector"`),
    index("claims_rationale_fts_idx").using("gin", sql`"rationale_vector"`),
    index("claims_speaker_trgm_idx").using("gin", t.speaker.op("gin_trgm_ops")),
    check("claims_kind_check", oneOf(t.kind, CLAIM_KINDS)),
    check("claims_status_check", oneOf(t.status, CLAIM_STATUSES)),
    check("claims_verdict_check", sql`${t.verdict} is null or ${oneOf(t.verdict, VERDICTS)}`),
    check("claims_anchor_state_check", oneOf(t.anchorState, ANCHOR_STATES)),
    check("claims_position_check", sql`0 <= ${t.positionStart} and ${t.positionStart} < ${t.positionEnd}`),
    check("claims_quote_exact_check", sql`length(${t.quoteExact}) > 0`),
    check("claims_version_check", sql`${t.version} >= 1`),
    // A published claim always has the verdict and rationale readers are shown.
    check(
      "claims_published_has_verdict_check",
      sql`${t.status} <> 'published' or (${t.verdict} is not null and ${t.rationale} is not null and ${t.publishedAt} is not null)`,
    ),
  ],
);
