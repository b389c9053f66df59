import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

/**
 * Errors services throw. Each carries a message written for the person who caused it, and is mapped in
 * one place: toTRPCError for procedures, toHttpError (the same mapping, then tRPC's status table) for
 * what answers outside tRPC (route handlers, public pages), so no caller repeats a try/catch.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  /** `field` names the input the message is about, so a form can show it beside that field (data.fields). */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super("BAD_REQUEST", message);
  }
}
export class NotSignedInError extends DomainError {
  constructor(message = "Sign in to do this.") {
    super("UNAUTHORIZED", message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "Your role does not allow this. Ask an admin if you need access.") {
    super("FORBIDDEN", message);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("NOT_FOUND", `${what} was not found. It may have been removed, or the link is wrong.`);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}
export class DatabaseUnavailableError extends DomainError {
  constructor() {
    super("SERVICE_UNAVAILABLE", "The database is not reachable right now, so your change may not have been saved. Try again in a few seconds, then reload to check.");
  }
}

// PostgreSQL SQLSTATEs that mean "your input broke a rule", not "we are broken".
const USER_FIXABLE_SQLSTATE: Record<string, (detail: string) => DomainError> = {
  "23505": (d) => new ConflictError(`That already exists${d ? ` (${d})` : ""}.`),
  "23514": (d) => new InvalidInputError(`A value is not allowed${d ? ` (${d})` : ""}.`),
  "22001": () => new InvalidInputError("A value is too long."),
  "22003": () => new InvalidInputError("A number is out of range (ids and versions are at most 2147483647)."),
  // NUL in a text column (22021) or in a jsonb string (22P05): PostgreSQL cannot store it.
  "22021": () => new InvalidInputError("Text cannot contain the NUL character (\\u0000). Remove it and try again."),
  "22P05": () => new InvalidInputError("Text cannot contain the NUL character (\\u0000). Remove it and try again."),
};
const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "57P01", "57P03", "08006", "08001"]);

function findDatabaseCause(error: unknown): { code?: string; constraint_name?: string; constraint?: string } | undefined {
  for (let e = error as { cause?: unknown; code?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string") return e as never;
  }
  return undefined;
}

/** Turns any error a procedure threw into the TRPCError a client sees; unknown errors become an opaque 500. */
export function toTRPCError(error: unknown, requestId: string): TRPCError {
  const root = error instanceof TRPCError && error.cause ? error.cause : error;
  if (root instanceof DomainError) return new TRPCError({ code: root.code, message: root.message, cause: root });
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return error;
  const db = findDatabaseCause(root);
  if (db?.code && CONNECTION_ERRORS.has(db.code)) {
    const unavailable = new DatabaseUnavailableError();
    return new TRPCError({ code: unavailable.code, message: unavailable.message, cause: root });
  }
  const userFixable = db?.code ? USER_FIXABLE_SQLSTATE[db.code] : undefined;
  if (userFixable) {
    const mapped = userFixable(db?.constraint_name ?? db?.constraint ?? "");
    return new TRPCError({ code: mapped.code, message: mapped.message, cause: root });
  }
  console.error(`[request ${requestId}] unexpected error`, root);
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `Something went wrong on our side (request ${requestId}). Try again; if it keeps failing, tell an admin and quote this id.`,
    cause: root,
  });
}

/** Seconds a client is told to wait before retrying a 503 (the pool reconnects within a second of the database's return). */
export const RETRY_AFTER_SECONDS = 5;

/** What a response outside tRPC says about a failure: the status, a message for the person, and its headers. */
export interface HttpError {
  status: number;
  message: string;
  headers: Record<string, string>;
}

/**
 * For route handlers and pages outside tRPC: any error, mapped exactly as a procedure's would be
 * (toTRPCError, then tRPC's own code-to-status table), so an outage is a 503 with Retry-After everywhere.
 */
export function toHttpError(error: unknown, requestId: string): HttpError {
  const mapped = toTRPCError(error, requestId);
  const status = getHTTPStatusCodeFromError(mapped);
  return { status, message: mapped.message, headers: status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {} };
}
