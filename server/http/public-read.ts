import "server-only";
import { randomUUID } from "node:crypto";
import { toHttpError } from "../errors";
import { markDatabaseUnavailable, noteDataShown } from "./request-outcome.mjs";

/**
 * A public page's read (through getPublicCaller). A page cannot choose its status, so when the read fails
 * because the database is down, the request is marked and scripts/serve.mjs answers 503 with Retry-After
 * instead of Next's 500: the same answer the route handlers and tRPC give. The error is rethrown for the
 * error page to show. What it read is noted too: with the build, it is the page's ETag (request-outcome.mjs).
 */
export async function publicRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    const value = await read();
    noteDataShown(value);
    return value;
  } catch (error) {
    const mapped = toHttpError(error, randomUUID());
    const retryAfter = mapped.headers["Retry-After"];
    if (mapped.status === 503 && retryAfter) markDatabaseUnavailable(Number(retryAfter));
    throw error;
  }
}
