import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { REMEMBER_DEVICE_MS, rememberedDeviceValid } from "@/domain/auth/second-factor";
import { DomainError, isDomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { readRememberedDevice, rememberedDeviceCookie, signRememberedDevice } from "@/server/auth/remembered-device";
import { verifySecondFactor } from "@/server/auth/verify-second-factor";
import { sessionCookie } from "@/server/auth/session-cookie";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getDb } from "@/server/db/client";
import { headerGetter, requestContextFrom } from "@/server/http/request-context";


const SIGN_IN_ERRORS = new Set(["SIGN_IN_THROTTLED", "TOTP_REQUIRED", "TOTP_INVALID", "PORTAL_DISABLED"]);

/**
 * The second step of sign-in, before any session exists: a device remembered within 30 days skips
 * it; otherwise a code (or a recovery code) must come with the password, else TOTP_REQUIRED tells the
 * form to ask for one. A good code with `remember` sets the signed remembered-device cookie.
 */
async function passSecondFactor(
  userId: string,
  sessionVersion: number,
  totpEnabledAt: Date,
  credentials: Record<string, string | undefined>,
  ctx: RequestContext,
  now: Date,
): Promise<void> {
  const jar = await cookies();
  const device = rememberedDeviceCookie();
  const claim = readRememberedDevice(jar.get(device.name)?.value);
  if (claim && rememberedDeviceValid(claim, { id: userId, sessionVersion, totpEnabledAt }, now)) {
    await recordAudit(getDb(), { action: "auth.second_factor.remembered_device", actorUserId: userId, ip: ctx.ip, userAgent: ctx.userAgent, at: now });
    return;
  }
  if (!credentials.code) throw new DomainError("TOTP_REQUIRED");
  await verifySecondFactor(getDb(), userId, credentials.code, ctx, now);
  if (credentials.remember !== "1") return;
  const expires = new Date(now.getTime() + REMEMBER_DEVICE_MS);
  const value = signRememberedDevice({ userId, sessionVersion, totpEnabledAtMs: totpEnabledAt.getTime(), expiresAtMs: expires.getTime() });
  if (!value) return;
  jar.set(device.name, value, { ...device.options, expires });
  await recordAudit(getDb(), { action: "auth.second_factor.device_remembered", actorUserId: userId, ip: ctx.ip, userAgent: ctx.userAgent, at: now });
}

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
      // `code` and `remember` are the second step, for staff with two-factor authentication.
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" }, remember: { type: "text" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const ctx = requestContextFrom(headerGetter(req?.headers));
          const now = new Date();
          const ok = await signInWithPassword(getDb(), { email: credentials.email, password: credentials.password }, ctx, now);
          if (!ok) return null;
          if (ok.totpEnabledAt) await passSecondFactor(ok.userId, ok.sessionVersion, ok.totpEnabledAt, credentials, ctx, now);
          return { id: ok.userId, sv: ok.sessionVersion, locale: ok.locale };
        } catch (e) {
          // next-auth passes the message to the client as `error`: only ever a stable code.
          if (isDomainError(e) && SIGN_IN_ERRORS.has(e.code)) throw new Error(e.code);
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
