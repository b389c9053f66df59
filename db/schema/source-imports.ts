import { check, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./users";

/**
 * A CSV import on its way in: the browser sends the file's rows in batches small enough for the request limit,
 * each is checked and kept here, and the import itself then writes every new source in one transaction (or
 * none). Rows of an import are deleted when it is committed; abandoned ones are pruned after a day.
 */
export const sourceImportBatches = pgTable(
  "source_import_batches",
  {
    importId: uuid("import_id").notNull(),
    seq: integer("seq").notNull(),
    createdBy: integer("created_by").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** The batch as the browser sent it: a header row and up to a few thousand rows of CSV text. */
    csv: text("csv").notNull(),
    rowCount: integer("row_count").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] }), check("source_import_batches_seq_check", sql`${t.seq} >= 0 and ${t.rowCount} >= 0`)],
);
