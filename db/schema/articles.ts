import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { publishers } from "./publishers";
import { users } from "./users";
import { sources } from "./sources";
import { ARTICLE_STATUSES, oneOf } from "./enums";

export const articles = pgTable(
  "articles",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    byline: text("byline"),
    publisherId: integer("publisher_id").references(() => publishers.id, { onDelete: "restrict" }),
    originalUrl: text("original_url"),
    publishedOn: date("published_on"),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    // Circular with article_revisions: set right after the first revision is inserted, in the same transaction.
    currentRevisionId: integer("current_revision_id").references((): AnyPgColumn => articleRevisions.id, { onDelete: "restrict" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Optimistic lock for edits of the text: a save says which version it saw and bumps it. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("articles_slug_key").on(t.slug),
    index("articles_publisher_id_idx").on(t.publisherId),
    index("articles_current_revision_id_idx").on(t.currentRevisionId),
    index("articles_created_by_idx").on(t.createdBy),
    index("articles_status_published_on_idx").on(t.status, t.publishedOn),
    // The dashboard: most recently changed first (read backwards), a page at a time (keyset on updated_at, id).
    index("articles_updated_at_id_idx").on(t.updatedAt, t.id),
    // Search (server/services/search): stemmed words in titles, and trigrams for misspelt or partial ones.
    index("articles_title_fts_idx").using("gin", sql`to_tsvector('english', ${t.title})`),
    index("articles_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    check("articles_status_check", oneOf(t.status, ARTICLE_STATUSES)),
    check("articles_version_check", sql`${t.version} >= 1`),
    check("articles_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/**
 * to_tsvector('english', body), stored: a generated column (migration 0019) so search ranks bodies without
 * parsing each one again; not declared as a column for the same reason as claimVectors (decision 0037).
 */
export const revisionBodyVector = sql`"article_revisions"."body_vector"`;

/** Immutable: a database trigger refuses UPDATE and DELETE (see the custom migration). */
export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id").notNull().references((): AnyPgColumn => articles.id, { onDelete: "restrict" }),
    body: text("body").notNull(),
    authorId: integer("author_id").references(() => users.id, { onDelete: "restrict" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("article_revisions_article_id_idx").on(t.articleId, t.createdAt),
    index("article_revisions_author_id_idx").on(t.authorId),
    index("article_revisions_body_fts_idx").using("gin", sql`"body_vector"`),
  ],
);

/** Teasers such as "Related article: …" kept out of the body. */
export const articleRelatedLinks = pgTable(
  "article_related_links",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    url: text("url"),
  },
  (t) => [uniqueIndex("article_related_links_article_position_key").on(t.articleId, t.position)],
);

/** Sources an article itself cites (bare URL lines in the imported text). */
export const articleSources = pgTable(
  "article_sources",
  {
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    sourceId: integer("source_id").notNull().references(() => sources.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("article_sources_article_source_key").on(t.articleId, t.sourceId),
    index("article_sources_source_id_idx").on(t.sourceId),
  ],
);
