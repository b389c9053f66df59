import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { JWT } from "next-auth/jwt";
import { getAppDatabase } from "@/db/app-database";
import { serverEnv } from "../env.mjs";
import type { Actor } from "../actor";
import { resolveActor } from "./resolve-actor";
import { authSecret } from "./secret";
import { decodeSessionToken } from "./session-token";

/**
 * The actor of the current request (server components and route handlers); one lookup per request.
 *
 * The session cookie is decrypted with the decode next-auth is configured with (options.ts), as getServerSession
 * does, and the user row is read once. Not getServerSession itself: on every call it also ran the jwt callback (a
 * second read of the same row), re-encrypted a rolled token it cannot set from here, and made a CSRF token, about a
 * fifth of the editor workspace's CPU at 1M claims (decision 0038). The access decision is unchanged: resolveActor checks the row
 * (active, session version) on every request, so a deactivated user is refused at once.
 */
export const getRequestActor = cache(async (): Promise<Actor> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  const { db } = await getAppDatabase();
  return resolveActor(db, token ? await decodeOrNull(token) : null);
});

/**
 * next-auth's cookie name: the __Secure- prefix when NEXTAUTH_URL is https (its useSecureCookies default). It splits a
 * cookie over 4 KB into numbered parts; this token (two numbers, a name and an email) never comes near that.
 */
function sessionCookieName(): string {
  return `${serverEnv().NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/** A token that does not decrypt or has expired is no session, as for getServerSession. */
async function decodeOrNull(token: string): Promise<JWT | null> {
  try {
    return await decodeSessionToken({ token, secret: authSecret() });
  } catch {
    return null;
  }
}
