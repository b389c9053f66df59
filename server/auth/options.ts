import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAppDatabase } from "@/db/app-database";
import { verifyLogin } from "../services/user/verify-login";
import { endSessions } from "../services/user/end-sessions";
import { clientAddress } from "../http/client-address";
import { authSecret } from "./secret";

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
  events: {
    // A JWT cannot be deleted server-side, so signing out retires every token issued before now:
    // a copied cookie stops working too. Cost: signing out on one device signs out the others.
    async signOut({ token }) {
      if (token?.uid) await endSessions((await getAppDatabase()).db, token.uid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      // Only at sign-in is `user` set: the token records who and which session version they signed in under.
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sv?: number }).sv;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
};
