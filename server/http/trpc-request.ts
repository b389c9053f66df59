import "server-only";
import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { getAppDatabase } from "@/db/app-database";
import { getRequestActor } from "../auth/request-actor";
import { RETRY_AFTER_SECONDS, toTRPCError } from "../errors";
import type { Context } from "../trpc/context";
import { appFetcher } from "../fetch";
import { runningJobs } from "../jobs/running";
import { nextPublicCache } from "./next-public-cache";

/**
 * The tRPC context of an HTTP request. Knowing who asks already needs the database (the session's user row is
 * read on every request), and this runs before any procedure, so outside the error mapping of
 * server/trpc/init.ts: tRPC would answer a failure here with a 500 carrying the driver's message
 * ("connect ECONNREFUSED …"). Mapped here with the same toTRPCError instead, a database outage is the same
 * 503 "database is not reachable, try again" for every request, signed in or not.
 */
export async function createRequestContext(): Promise<Context> {
  const requestId = randomUUID();
  try {
    const { db } = await getAppDatabase();
    return { db, actor: await getRequestActor(), requestId, publicCache: nextPublicCache(db), jobs: runningJobs(), fetcher: appFetcher() };
  } catch (error) {
    throw toTRPCError(error, requestId);
  }
}

/** Adds Retry-After to responses that only carry 503s, for clients and proxies that honour it. */
export function retryAfterWhenUnavailable({ errors }: { errors: TRPCError[] }) {
  const unavailable = errors.length > 0 && errors.every((error) => error.code === "SERVICE_UNAVAILABLE");
  return unavailable ? { headers: { "retry-after": String(RETRY_AFTER_SECONDS) } } : {};
}
