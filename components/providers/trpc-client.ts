import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "@/server/routers/_app";
import { MAX_BATCH_SIZE } from "@/server/http/request-guard";

/**
 * The browser's only way into the server (docs/decisions/0009-one-way-into-the-server.md): typed calls,
 * tRPC's own wire format, mutations as JSON POSTs (which the request guard requires).
 */
export function createBrowserTrpcClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", maxItems: MAX_BATCH_SIZE })] });
}
