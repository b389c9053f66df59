import { sql } from "drizzle-orm";
import type { Database } from "@/db/types";

/**
 * Per-host politeness shared by every worker and process: reserves the host's next free slot (at least `gapMs`
 * after the previous one) and returns how many milliseconds to wait for it. One statement, so two workers never
 * get the same slot.
 */
export async function reserveHostSlot(db: Database, url: string, gapMs: number): Promise<number> {
  const host = new URL(url).host.toLowerCase();
  const gap = `${gapMs} milliseconds`;
  const result: unknown = await db.execute(sql`
    insert into fetch_hosts (host, next_at) values (${host}, now() + ${gap}::interval)
    on conflict (host) do update set next_at = greatest(fetch_hosts.next_at, now()) + ${gap}::interval
    returning greatest(0, extract(epoch from (next_at - ${gap}::interval - now())) * 1000) as wait_ms`);
  // postgres.js returns an array of rows, PGlite an object with `rows`.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { wait_ms: number | string }[];
  return Math.ceil(Number(rows[0]?.wait_ms ?? 0));
}
