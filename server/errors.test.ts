import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ConflictError, DatabaseUnavailableError, DomainError, ForbiddenError, InvalidInputError, NotFoundError, NotSignedInError, RETRY_AFTER_SECONDS,
  toHttpError, toTRPCError,
} from "./errors";

const REQUEST_ID = "req-7f3a";

/** Shaped like the errors postgres.js throws: a `code` (SQLSTATE or errno) and, for constraints, its name. */
function pgError(code: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(`postgres said ${code}`), { code, ...extra });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toTRPCError", () => {
  it.each([
    [new InvalidInputError("Fix the date."), "BAD_REQUEST"],
    [new NotSignedInError(), "UNAUTHORIZED"],
    [new ForbiddenError(), "FORBIDDEN"],
    [new NotFoundError("That article"), "NOT_FOUND"],
    [new ConflictError("Someone else changed it."), "CONFLICT"],
    [new DatabaseUnavailableError(), "SERVICE_UNAVAILABLE"],
    [new DomainError("TOO_MANY_REQUESTS", "Slow down."), "TOO_MANY_REQUESTS"],
  ])("maps %s to %s and keeps its message for the person who caused it", (error, code) => {
    const mapped = toTRPCError(error, REQUEST_ID);
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toBe(error.message);
  });

  it("unwraps a domain error that tRPC already wrapped as an internal error", () => {
    const wrapped = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new ConflictError("Taken.") });
    expect(toTRPCError(wrapped, REQUEST_ID)).toMatchObject({ code: "CONFLICT", message: "Taken." });
  });

  it("passes deliberate tRPC errors through unchanged", () => {
    const error = new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "Too big." });
    expect(toTRPCError(error, REQUEST_ID)).toBe(error);
  });

  it("turns an unknown error into an opaque 500 that quotes the request id, and logs the real one", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = new Error("relation users has password_hash column at /srv/app/server/x.ts:12");
    const mapped = toTRPCError(secret, REQUEST_ID);

    expect(mapped.code).toBe("INTERNAL_SERVER_ERROR");
    expect(mapped.message).toContain(REQUEST_ID);
    expect(mapped.message).not.toContain("password_hash");
    expect(mapped.message).not.toContain(secret.message);
    // The operator can still find out what happened, by the id the user quotes.
    expect(log).toHaveBeenCalledWith(expect.stringContaining(REQUEST_ID), secret);
  });

  it("maps a unique violation (23505) to CONFLICT naming the constraint, even when wrapped", () => {
    const direct = toTRPCError(pgError("23505", { constraint_name: "articles_slug_key" }), REQUEST_ID);
    expect(direct.code).toBe("CONFLICT");
    expect(direct.message).toContain("articles_slug_key");

    // drizzle wraps driver errors (DrizzleQueryError) with the driver's error as `cause`.
    const wrapped = Object.assign(new Error("Failed query: insert ..."), { cause: pgError("23505") });
    expect(toTRPCError(wrapped, REQUEST_ID).code).toBe("CONFLICT");
  });

  it("maps a CHECK violation (23514) and a too-long value (22001) to BAD_REQUEST", () => {
    expect(toTRPCError(pgError("23514", { constraint_name: "claims_position_check" }), REQUEST_ID)).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("claims_position_check"),
    });
    expect(toTRPCError(pgError("22001"), REQUEST_ID).code).toBe("BAD_REQUEST");
  });

  it.each(["ECONNREFUSED", "ECONNRESET", "CONNECT_TIMEOUT", "57P01"])("maps %s to SERVICE_UNAVAILABLE: the change may not have been saved", (code) => {
    const mapped = toTRPCError(pgError(code), REQUEST_ID);
    expect(mapped.code).toBe("SERVICE_UNAVAILABLE");
    expect(mapped.message).toMatch(/may not have been saved.*try again/i);
    expect(mapped.message).not.toContain(code);
  });

  it("does not let an unrelated SQLSTATE through as if it were the user's fault", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const mapped = toTRPCError(pgError("42P01"), REQUEST_ID); // undefined_table: our bug, not theirs
    expect(mapped.code).toBe("INTERNAL_SERVER_ERROR");
    expect(mapped.message).not.toContain("42P01");
  });
});

describe("toHttpError: the same mapping for answers outside tRPC", () => {
  it.each([
    [new InvalidInputError("Fix the date."), 400],
    [new NotSignedInError(), 401],
    [new ForbiddenError(), 403],
    [new NotFoundError("That article"), 404],
    [new ConflictError("Someone else changed it."), 409],
    [new DomainError("TOO_MANY_REQUESTS", "Slow down."), 429],
    [new DatabaseUnavailableError(), 503],
  ])("answers %s with %i and the message for the person", (error, status) => {
    expect(toHttpError(error, REQUEST_ID)).toMatchObject({ status, message: error.message });
  });

  it("answers a database outage, as the driver reports it or already mapped by a procedure, with 503 and Retry-After", () => {
    for (const error of [pgError("ECONNREFUSED"), toTRPCError(pgError("57P01"), REQUEST_ID)]) {
      const mapped = toHttpError(error, REQUEST_ID);
      expect(mapped.status).toBe(503);
      expect(mapped.headers).toEqual({ "Retry-After": String(RETRY_AFTER_SECONDS) });
      expect(mapped.message).toMatch(/database is not reachable/i);
    }
  });

  it("gives Retry-After to 503s only, and keeps unknown errors an opaque 500", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toHttpError(new NotFoundError("That article"), REQUEST_ID).headers).toEqual({});
    const internal = toHttpError(new Error("secret detail"), REQUEST_ID);
    expect(internal).toMatchObject({ status: 500, headers: {} });
    expect(internal.message).not.toContain("secret detail");
  });
});
