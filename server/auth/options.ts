import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAppDatabase } from "@/db/app-database";
import { verifyLogin } from "../services/user/verify-login";
import { endSessions } from "../services/user/end-sessions";
import { clientAddress } from "../http/client-address";
import { resolveActor } from "./resolve-actor";
import { authSecret } from "./secret";
import { decodeSessionToken } from "./session-token";

/**
 * Thrown from the jwt callback for a token the app no longer honours (deactivated user, older session version):
 * next-auth then answers as signed out (`/api/auth/session` gives `{}`, getServerSession null) and clears the
 * cookie. An expected outcome, so the logger below does not report it as an error.
 */
class RevokedSessionError extends Error {
  override name = "RevokedSessionError";
}

declare module "next-auth" {
  interface Session {
    /** User id and session version, checked against the database on every request (server/auth/request-actor.ts). */
    uid?: number;
    sv?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sv?: number;
  }
}

export const authOptions: NextAuthOptions = {
  // A getter: read on the first request, not when `next build` loads this module. next-auth would otherwise
  // read the NEXTAUTH_SECRET variable itself, which a generated secret never goes into (server/auth/secret.ts).
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // The same decryption as next-auth's, with the key derived once (session-token.ts); encoding stays next-auth's.
  jwt: { decode: decodeSessionToken },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const { db } = await getAppDatabase();
        const user = await verifyLogin(db, { email: credentials?.email ?? "", password: credentials?.password ?? "" }, clientAddress(req.headers ?? {}));
        return user ? { id: String(user.id), name: user.name, email: user.email, sv: user.sessionVersion } : null;
      },
    }),
  ],
  logger: {
    error(code, metadata) {
      if (metadata instanceof RevokedSessionError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  events: {
    // A JWT cannot be deleted server-side, so signing out retires every token issued before now:
    // a copied cookie stops working too. Cost: signing out on one device signs out the others.
    async signOut({ token }) {
      if (token?.uid) await endSessions((await getAppDatabase()).db, token.uid);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      // Only at sign-in is `user` set: the token records who and which session version they signed in under.
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sv?: number }).sv;
        return token;
      }
      // Every later read of the session (the session endpoint, getServerSession) checks the user row, so the
      // endpoint cannot hand out the name and email of someone the app already treats as signed out.
      let actor;
      try {
        actor = await resolveActor((await getAppDatabase()).db, token);
      } catch (error) {
        // next-auth would treat any error here as a bad token and sign the user out: a database outage must not
        // do that. The token goes on unchanged; getRequestActor's own lookup then fails the request (503).
        console.error("Could not check the session against the database", error);
        return token;
      }
      if (actor.kind !== "user") throw new RevokedSessionError("session revoked");
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
};
