import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE, allowedOriginsFor, refuseUnsafeRequest, withBoundedBody } from "@/server/http/request-guard";
import { serverEnv } from "@/server/env.mjs";
import { createRequestContext, retryAfterWhenUnavailable } from "@/server/http/trpc-request";
import { appRouter } from "@/server/routers/_app";

async function handler(incoming: Request): Promise<Response> {
  const refusal = refuseUnsafeRequest(incoming, allowedOriginsFor(incoming, serverEnv().NEXTAUTH_URL));
  if (refusal) return refusal;
  const req = await withBoundedBody(incoming);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // One HTTP request may carry at most this many calls (the client link batches up to the same number).
    maxBatchSize: MAX_BATCH_SIZE,
    // Queries are GET, mutations POST (checked above); tRPC itself refuses a mutation sent as GET.
    // Resolving the actor reads the database: a failure there is mapped like a procedure's (503 when it is down).
    createContext: createRequestContext,
    responseMeta: retryAfterWhenUnavailable,
  });
}

export { handler as GET, handler as POST };
