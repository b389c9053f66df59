import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getAppDatabase } from "@/db/app-database";
import type { Actor } from "../actor";
import { authOptions } from "./options";
import { resolveActor } from "./resolve-actor";

/** The actor of the current request (server components and route handlers); one lookup per request. */
export const getRequestActor = cache(async (): Promise<Actor> => {
  const session = await getServerSession(authOptions);
  const { db } = await getAppDatabase();
  return resolveActor(db, session);
});
