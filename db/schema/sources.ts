import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { LINK_STATUSES, SOURCE_TYPES, oneOf } from "./enums";
import { publishers } from "./publishers";

export const sources = pgTable(
  "sources",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** The registry's key: finds the same document pasted again in another spelling. Never shown or linked. */
    canonicalUrl: text("canonical_url").notNull(),
    /**
     * The link as first pasted (or as an admin set it): what is shown, linked and fetched (decision 0021).
     * Null only for rows written without a pasted link (tests, old imports): read it through sourceLink.
     */
    url: text("url"),
    /** Every spelling of the URL seen so far (tracking parameters, youtu.be, …), first one first. */
    originalUrls: text("original_urls").array().notNull().default(sql`'{}'::text[]`),
    title: text("title"),
    /** Who wrote it, as the page names them (filled from its metadata when pasted; editors correct it). */
    author: text("author"),
    publisherId: integer("publisher_id").references(() => publishers.id, { onDelete: "set null" }),
    type: text("type", { enum: SOURCE_TYPES }).notNull().default("other"),
    publishedOn: date("published_on"),
    archivedUrl: text("archived_url"),
    linkStatus: text("link_status", { enum: LINK_STATUSES }).notNull().default("unchecked"),
    notes: text("notes"),
    // When an admin merges duplicates the loser points at the survivor instead of disappearing.
    mergedIntoId: integer("merged_into_id").references((): AnyPgColumn => sources.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sources_canonical_url_key").on(t.canonicalUrl),
    index("sources_publisher_id_idx").on(t.publisherId),
    index("sources_merged_into_id_idx").on(t.mergedIntoId),
    check("sources_type_check", oneOf(t.type, SOURCE_TYPES)),
    check("sources_link_status_check", oneOf(t.linkStatus, LINK_STATUSES)),
    check("sources_canonical_url_check", sql`${t.canonicalUrl} ~ '^https?://'`),
    check("sources_url_check", sql`${t.url} is null or ${t.url} ~* '^https?://'`),
    check("sources_not_merged_into_self_check", sql`${t.mergedIntoId} is null or ${t.mergedIntoId} <> ${t.id}`),
  ],
);
