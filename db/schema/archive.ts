import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CHECK_OUTCOMES, LINK_HEALTH } from "@/lib/sources/link-health";
import { oneOf } from "./enums";
import { sources } from "./sources";

/** Raw bytes: the archived document exactly as it was served (it may not be UTF-8). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  // postgres.js hands back a Buffer, PGlite a Uint8Array.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const CAPTURE_STATES = ["queued", "capturing", "archived", "failed"] as const;

/** One archived copy of a source, as fetched: served read-only and sandboxed at /archive/<id>. */
export const sourceSnapshots = pgTable(
  "source_snapshots",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** The id in /archive/<publicId>: random, so nobody can list which sources editors are working on. */
    publicId: uuid("public_id").notNull().defaultRandom(),
    sourceId: integer("source_id").notNull().references(() => sources.id, { onDelete: "restrict" }),
    requestedUrl: text("requested_url").notNull(),
    finalUrl: text("final_url").notNull(),
    httpStatus: integer("http_status").notNull(),
    contentType: text("content_type"),
    document: bytea("document").notNull(),
    sha256: text("sha256").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("source_snapshots_public_id_key").on(t.publicId), index("source_snapshots_source_id_idx").on(t.sourceId, t.fetchedAt), check("source_snapshots_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)],
);

/**
 * The capture a source is waiting for, one row per source: what editors see while they wait ("capturing
 * archive…"). Written in the same transaction as the evidence that asked for it, so a crash between the commit
 * and the queue cannot lose the request: the queue re-sends every `queued` row when it starts.
 */
export const sourceCaptures = pgTable(
  "source_captures",
  {
    sourceId: integer("source_id").primaryKey().references(() => sources.id, { onDelete: "restrict" }),
    state: text("state", { enum: CAPTURE_STATES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("source_captures_state_check", oneOf(t.state, CAPTURE_STATES))],
);

/** Every link check ever made: the history behind a source's standing. */
export const linkChecks = pgTable(
  "link_checks",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer("source_id").notNull().references(() => sources.id, { onDelete: "restrict" }),
    outcome: text("outcome", { enum: CHECK_OUTCOMES }).notNull(),
    httpStatus: integer("http_status"),
    finalUrl: text("final_url"),
    error: text("error"),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("link_checks_source_id_idx").on(t.sourceId, t.checkedAt), check("link_checks_outcome_check", oneOf(t.outcome, CHECK_OUTCOMES))],
);

/** A source's current standing in the link-rot watch (see lib/sources/link-health.ts). */
export const sourceLinkHealth = pgTable(
  "source_link_health",
  {
    sourceId: integer("source_id").primaryKey().references(() => sources.id, { onDelete: "restrict" }),
    health: text("health", { enum: LINK_HEALTH }).notNull(),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    firstFailureAt: timestamp("first_failure_at", { withTimezone: true }),
    redirectUrl: text("redirect_url"),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("source_link_health_health_idx").on(t.health), check("source_link_health_health_check", oneOf(t.health, LINK_HEALTH))],
);

/** Per-host politeness: the earliest time the next request to a host may start, shared by every worker. */
export const fetchHosts = pgTable("fetch_hosts", {
  host: text("host").primaryKey(),
  nextAt: timestamp("next_at", { withTimezone: true }).notNull(),
});
