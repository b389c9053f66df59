import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/**
 * Both drivers (PGlite and postgres.js) and their transactions are PgDatabase instances: services take
 * this type, so the same code runs on either driver and inside a caller's transaction.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
