import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { getAppDatabase } from "@/db/app-database";
import { anonymous } from "../actor";
import { getRequestActor } from "../auth/request-actor";
import { createCaller } from "../routers/_app";

// The only ways pages and route handlers reach the services (docs/decisions/0009-one-way-into-the-server.md):
// the same procedures, input schemas, policy and error mapping as over HTTP, without the HTTP hop.

/** As whoever is signed in: editor pages. Reads the session cookie, so the page is rendered per request. */
export const getServerCaller = cache(async () => {
  const { db } = await getAppDatabase();
  return createCaller({ db, actor: await getRequestActor(), requestId: randomUUID() });
});

/**
 * As the anonymous reader, without reading cookies: public outputs (home, reader page, annotation export,
 * embed card, SVG badge), which are one shared copy for everyone and may be cached.
 */
export async function getPublicCaller() {
  const { db } = await getAppDatabase();
  return createCaller({ db, actor: anonymous, requestId: randomUUID() });
}
