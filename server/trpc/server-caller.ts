import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { getAppDatabase } from "@/db/app-database";
import { getRequestActor } from "../auth/request-actor";
import { createCaller } from "../routers/_app";

/** tRPC caller for server components: same procedures, same policy, no HTTP hop. */
export const getServerCaller = cache(async () => {
  const { db } = await getAppDatabase();
  return createCaller({ db, actor: await getRequestActor(), requestId: randomUUID() });
});
