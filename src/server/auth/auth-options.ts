import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isDomainError } from "@/domain/shared/domain-error";
import { sessionCookie } from "@/server/auth/session-cookie";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getDb } from "@/server/db/client";
import { headerGetter, requestContextFrom } from "@/server/http/request-context";


/**
 * E-mail + password sign-in with JWT sessions. The token carries only the user id and the session
 * version; every request reloads the user (see guards.ts), so a password change or a removed role
 * ends older sessions at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  cookies: { sessionToken: sessionCookie() },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const ok = await signInWithPassword(
            getDb(),
            { email: credentials.email, password: credentials.password },
            requestContextFrom(headerGetter(req?.headers)),
            new Date(),
          );
          return ok ? { id: ok.userId, sv: ok.sessionVersion, locale: ok.locale } : null;
        } catch (e) {
          // next-auth passes the message to the client as `error`: only ever a stable code.
          if (isDomainError(e) && e.code === "SIGN_IN_THROTTLED") throw new Error("SIGN_IN_THROTTLED");
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sv?: number; locale?: string };
        token.uid = u.id;
        token.sv = u.sv;
        token.locale = u.locale;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, locale: token.locale };
    },
  },
};
