import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ARTICLE_STATUSES } from "@/lib/articles/status";
import { ROLES } from "@/lib/roles";
import { CLAIM_KINDS, CLAIM_STATUSES, ANCHOR_STATES } from "@/lib/claims/workflow";
import { VERDICTS } from "@/lib/verdicts";
import { STANCES, SOURCE_TYPES, LINK_STATUSES, RELIABILITY_RATINGS } from "@/lib/sources/vocabulary";

// Enums are text columns guarded by CHECK constraints (not pg enums): adding a value later is a
// one-line constraint swap instead of an ALTER TYPE that cannot run inside a transaction.
export { ARTICLE_STATUSES, ROLES, CLAIM_KINDS, CLAIM_STATUSES, ANCHOR_STATES, VERDICTS, STANCES, SOURCE_TYPES, LINK_STATUSES, RELIABILITY_RATINGS };

export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = sql.join(
    values.map((v) => sql.raw(`'${v.replace(/'/g, "''")}'`)),
    sql.raw(", "),
  );
  return sql`${column} in (${list})`;
}
