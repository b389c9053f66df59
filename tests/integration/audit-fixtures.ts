import { asc, gt, sql } from "drizzle-orm";
import { expect } from "vitest";
import { auditEvents } from "@/db/schema";
import type { Database } from "@/db/types";
import type { AuditAction } from "@/lib/audit/actions";
import { rejectionOf } from "./helpers";

export type AuditRow = typeof auditEvents.$inferSelect;

async function lastAuditId(tx: Database): Promise<number> {
  const [row] = await tx.select({ id: sql<string | null>`max(${auditEvents.id})` }).from(auditEvents);
  return Number(row?.id ?? 0);
}

/**
 * Runs one call and checks the audit log grew by exactly the rows `actions` names, in order (none when it is
 * empty, whether the call succeeded as a no-op or was refused with `refusal`). Use inside inRollback: its
 * snapshot hides rows that other test files commit meanwhile. Returns the call's result and the new rows;
 * `seen` collects the actions written, for checks that every action is exercised.
 */
export function auditor(tx: Database, seen?: Set<AuditAction>) {
  return async function expectAudit<T>(
    label: string,
    actions: AuditAction | readonly AuditAction[] | null,
    call: () => Promise<T>,
    refusal?: string,
  ): Promise<{ result: T; rows: AuditRow[] }> {
    const expected = actions === null ? [] : typeof actions === "string" ? [actions] : actions;
    const since = await lastAuditId(tx);
    let result: T | undefined;
    if (refusal) expect(await rejectionOf(call()), label).toMatchObject({ code: refusal });
    else result = await call();
    const rows = await tx.select().from(auditEvents).where(gt(auditEvents.id, since)).orderBy(asc(auditEvents.id));
    expect(rows.map((r) => r.action), label).toEqual(expected);
    for (const row of rows) seen?.add(row.action);
    return { result: result as T, rows };
  };
}
