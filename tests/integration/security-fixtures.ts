import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getErrorShape, getHTTPStatusCodeFromError } from "@trpc/server/unstable-core-do-not-import";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Role } from "@/lib/roles";
import type { Actor } from "@/server/actor";
import { resolveActor } from "@/server/auth/resolve-actor";
import { appRouter } from "@/server/routers/_app";
import { hashPassword } from "@/server/services/user/password";
import { callerFor, TEST_PASSWORD, uniqueEmail, type UserActor } from "./helpers";

// Shared by the security tests (authorization-matrix, hostile-input, oversized-input, http-route).

export type ErrorCode = TRPCError["code"];
/** What one call came to: "ok", or the tRPC error code it was refused with. */
export type Outcome = "ok" | ErrorCode;

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** The zod schemas passed to `.input()`, in order (tRPC merges them). */
  inputs: unknown[];
}

/** Every procedure of the real router, found at run time, so one added later cannot be forgotten. */
export function routerProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureInfo["type"]; inputs: unknown[] } }>;
  return Object.entries(procedures).map(([path, p]) => ({ path, type: p._def.type, inputs: p._def.inputs }));
}

/** Calls `path` ("claim.review") through createCaller, as `actor`, on `db` (a transaction in most tests). */
export function callPath(db: Database, actor: Actor, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(db, actor);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  if (typeof target !== "function") throw new Error(`${path} is not a procedure of appRouter`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

export type Settled = { outcome: "ok"; value: unknown } | { outcome: ErrorCode; error: TRPCError };

/** Settles a call into "ok" or its tRPC code. Anything thrown that is not a TRPCError is rethrown: that is a bug in the test. */
export async function settle(promise: Promise<unknown>): Promise<Settled> {
  try {
    return { outcome: "ok", value: await promise };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: error.code, error };
    throw error;
  }
}

const STACK_LINE = /^\s+at .+/m;

/**
 * What is wrong with a refusal as a client would receive it (the router's own error formatter applied, as
 * the HTTP adapter does): not a 4xx, an empty message, or a stack trace anywhere in the shape. [] when fine.
 */
export function refusalProblems(error: TRPCError, path: string, input: unknown): string[] {
  const problems: string[] = [];
  const status = getHTTPStatusCodeFromError(error);
  if (error.code === "INTERNAL_SERVER_ERROR" || status < 400 || status >= 500) problems.push(`${error.code} (HTTP ${status})`);
  const shape = getErrorShape({ config: appRouter._def._config, error, type: "unknown", path, input, ctx: undefined });
  if (typeof shape.message !== "string" || shape.message.trim() === "") problems.push("empty message");
  const json = JSON.stringify(shape);
  if (STACK_LINE.test(shape.message) || json.includes("\\n    at ") || "stack" in (shape.data as object)) problems.push("stack trace in the error shape");
  if (STACK_LINE.test(error.message)) problems.push("stack trace in the error message");
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Users and the seven callers of the authorization matrix.

let passwordHash: Promise<string> | undefined;

/**
 * A user row inserted directly, with one argon2 hash of TEST_PASSWORD computed once per file (createUser
 * hashes on every call, which would make hundreds of fixture users slow). They can sign in with TEST_PASSWORD.
 */
export async function insertUser(
  db: Database,
  role: Role,
  { active = true, name = `Security ${role} ${randomUUID().slice(0, 6)}`, email = uniqueEmail(`sec-${role}`) } = {},
): Promise<UserActor & { sessionVersion: number }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({ email, name, role, active, passwordHash: await passwordHash })
    .returning({ id: users.id, role: users.role, name: users.name, email: users.email, sessionVersion: users.sessionVersion });
  if (!row) throw new Error("user insert returned no row");
  const { sessionVersion, ...actor } = row;
  return { kind: "user", ...actor, sessionVersion };
}

export const ROLE_KEYS = ["anonymous", "reader", "editor", "otherEditor", "admin", "deactivated", "staleSession"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export interface Callers {
  actors: Record<RoleKey, Actor>;
  reader: UserActor;
  /** Authors every fixture: marks claims, sets their verdicts, attaches evidence. */
  editor: UserActor;
  /** A second editor, who may review the first one's verdicts. */
  otherEditor: UserActor;
  admin: UserActor;
  /** The users behind the two resolved callers, and what resolveActor says with their current session version. */
  deactivatedUser: UserActor & { sessionVersion: number };
  staleUser: UserActor & { sessionVersion: number };
  staleUserNow: Actor;
}

/**
 * The callers of the matrix, committed (other connections and every rolled-back test see them).
 * "deactivated" and "staleSession" are whatever the real resolveActor makes of their session claims:
 *  - deactivated: an admin whose row has active = false, presenting their CURRENT session version, so only
 *    the active flag can be what refuses them;
 *  - staleSession: an admin demoted to editor through user.setRole (which bumps session_version),
 *    presenting the session version from before the change.
 * The controls (`resolvesBefore…`) prove the same claims resolved to a real user before the change.
 */
export async function createCallers(db: Database) {
  const [reader, editor, otherEditor, admin] = [
    await insertUser(db, "reader"),
    await insertUser(db, "editor", { name: `Author ${randomUUID().slice(0, 6)}` }),
    await insertUser(db, "editor", { name: `Reviewer ${randomUUID().slice(0, 6)}` }),
    await insertUser(db, "admin"),
  ];

  const deactivatedUser = await insertUser(db, "admin");
  const deactivatedClaims = { uid: deactivatedUser.id, sv: deactivatedUser.sessionVersion };
  const resolvesBeforeDeactivation = await resolveActor(db, deactivatedClaims);
  await db.update(users).set({ active: false }).where(eq(users.id, deactivatedUser.id));
  const deactivated = await resolveActor(db, deactivatedClaims);

  const staleUser = await insertUser(db, "admin");
  const staleClaims = { uid: staleUser.id, sv: staleUser.sessionVersion };
  const resolvesBeforeRoleChange = await resolveActor(db, staleClaims);
  await callPath(db, admin, "user.setRole", { userId: staleUser.id, role: "editor" });
  const staleSession = await resolveActor(db, staleClaims);
  const [now] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, staleUser.id));
  const staleUserNow = await resolveActor(db, { uid: staleUser.id, sv: now!.sv });

  const callers: Callers = {
    actors: { anonymous: { kind: "anonymous" }, reader, editor, otherEditor, admin, deactivated, staleSession },
    reader, editor, otherEditor, admin, deactivatedUser, staleUser, staleUserNow,
  };
  return { callers, controls: { resolvesBeforeDeactivation, resolvesBeforeRoleChange } };
}

// ---------------------------------------------------------------------------------------------------------
// Zod 4 introspection: the string fields of a procedure's input.

interface ZodDefLike {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  element?: unknown;
  options?: unknown[];
  left?: unknown;
  right?: unknown;
}

function defOf(schema: unknown): ZodDefLike | undefined {
  const s = schema as { _zod?: { def?: ZodDefLike }; def?: ZodDefLike } | undefined;
  return s?._zod?.def ?? s?.def;
}

const LEAF_TYPES = new Set(["string", "number", "int", "bigint", "boolean", "enum", "literal", "date", "null", "undefined", "void"]);

/**
 * Every leaf field of a zod 4 input schema, as a dotted path and its zod type ("string" includes z.email(),
 * z.url(), z.iso.date(), which are strings with a format), reached through objects, optionals, nullables,
 * defaults, pipes/transforms, arrays, unions and intersections. A schema kind it does not know throws, so
 * a new kind of input cannot be skipped silently.
 */
function inputFields(schema: unknown, path: string[] = []): Array<{ path: string; type: string }> {
  const def = defOf(schema);
  const here = path.join(".") || "(root)";
  if (!def) throw new Error(`not a zod schema at ${here}`);
  if (LEAF_TYPES.has(def.type)) return [{ path: path.join("."), type: def.type }];
  switch (def.type) {
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => inputFields(value, [...path, key]));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
    case "success":
      return inputFields(def.innerType, path);
    case "pipe":
      return [...inputFields(def.in, path), ...(defOf(def.out)?.type === "transform" ? [] : inputFields(def.out, path))];
    case "transform":
      return [];
    case "array":
      return inputFields(def.element, [...path, "[]"]);
    case "union":
      return unique((def.options ?? []).flatMap((option) => inputFields(option, path)));
    case "intersection":
      return unique([...inputFields(def.left, path), ...inputFields(def.right, path)]);
    default:
      throw new Error(`inputFields: unhandled zod type "${def.type}" at ${here}; teach the walker about it`);
  }
}

function unique(fields: Array<{ path: string; type: string }>) {
  return [...new Map(fields.map((f) => [`${f.path}:${f.type}`, f])).values()];
}

/** `path:field` for every field of the given zod type, of every procedure, from the live router. */
export function routerFields(type: string): string[] {
  return routerProcedures().flatMap((p) => p.inputs.flatMap((schema) => inputFields(schema)).filter((f) => f.type === type).map((f) => `${p.path}:${f.path}`));
}

/** `path:field` for every string field of every procedure, from the live router. */
export function routerStringFields(): string[] {
  return routerFields("string");
}

/** A copy of `base` with the dotted `field` set to `value`. */
export function withField<T extends Record<string, unknown>>(base: T, field: string, value: unknown): T {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = field.split(".");
  let target = copy;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy as T;
}
