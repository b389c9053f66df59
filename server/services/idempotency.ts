import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { idempotencyKeys } from "@/db/schema";
import type { Database } from "@/db/types";
import { InvalidInputError } from "../errors";
import type { ServiceContext } from "./context";

/**
 * One key per intended action, made by the client when the action starts and sent again on every retry or
 * double click of it. Optional so the CLI, seeds and tests can call services directly; the web client always sends one.
 */
export const idempotencyKeyInput = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, "idempotencyKey: 8 to 100 letters, digits, - or _ (a UUID).")
  .optional();

/** How long a key answers repeats: long enough for any retry, short enough that the table stays small. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

// JSON has no dates: results are stored with Dates tagged, so a repeat answers with the same types as the first call.
const DATE_TAG = "$date";

export function encodeResult(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
      const raw = this[key];
      return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : encoded;
    }),
  );
}

export function decodeResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeResult);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const only = entries[0];
  if (entries.length === 1 && only && only[0] === DATE_TAG && typeof only[1] === "string") return new Date(only[1]);
  return Object.fromEntries(entries.map(([k, v]) => [k, decodeResult(v)]));
}

/**
 * Runs `change` in a transaction at most once per (user, key): the key row is inserted first, so a concurrent
 * repeat waits on it and then reads the stored answer; a repeat after the commit reads it at once and writes
 * nothing. A failed change rolls the key back with it, so the retry runs afresh. Without a key (or a signed-in
 * user) it is a plain transaction.
 */
export async function runIdempotent<T>(
  ctx: ServiceContext,
  procedure: string,
  key: string | undefined,
  change: (tx: Database) => Promise<T>,
): Promise<T> {
  const actor = ctx.actor;
  if (key === undefined || actor.kind !== "user") return ctx.db.transaction(change);
  const userId = actor.id;
  return ctx.db.transaction(async (tx) => {
    await tx
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`)));
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ userId, key, procedure })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed) {
      const [first] = await tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
      if (!first) throw new Error(`idempotency key ${key} vanished`);
      if (first.procedure !== procedure) throw new InvalidInputError("This request reuses the key of a different action. Reload the page and try again.");
      return decodeResult(first.result) as T;
    }
    const result = await change(tx);
    await tx
      .update(idempotencyKeys)
      .set({ result: encodeResult(result) })
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    return result;
  });
}
