import { randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAppDatabase } from "@/db/app-database";
import { getRequestActor } from "@/server/auth/request-actor";
import { nextPublicCache } from "@/server/http/next-public-cache";
import { MAX_BATCH_SIZE, allowedOriginsFor, refuseUnsafeRequest, withBoundedBody } from "@/server/http/request-guard";
import { appRouter } from "@/server/routers/_app";

async function handler(incoming: Request): Promise<Response> {
  const refusal = refuseUnsafeRequest(incoming, allowedOriginsFor(incoming));
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
    createContext: async () => {
      const { db } = await getAppDatabase();
      return { db, actor: await getRequestActor(), requestId: randomUUID(), publicCache: nextPublicCache(db) };
    },
  });
}

export { handler as GET, handler as POST };
