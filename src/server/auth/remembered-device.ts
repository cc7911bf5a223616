import { createHmac, timingSafeEqual } from "node:crypto";
import type { RememberedDeviceClaim } from "@/domain/auth/second-factor";

/**
 * The "remember this device" cookie of two-factor sign-in: a claim (user, session version, when 2FA
 * was turned on, expiry) signed with HMAC-SHA-256 under a key derived from NEXTAUTH_SECRET. httpOnly,
 * `__Host-` over HTTPS like the session cookie. Whether a claim still holds is a domain rule
 * (rememberedDeviceValid): a password reset bumps the session version, turning 2FA off clears the
 * enrolment time, so both end every remembered device.
 */
export function rememberedDeviceCookie() {
  const secure = (process.env.NEXTAUTH_URL ?? process.env.APP_URL ?? "").startsWith("https://");
  return {
    name: secure ? "__Host-comptoir.device" : "comptoir.device",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`comptoir:remembered-device:${payload}`).digest();
}

export function signRememberedDevice(claim: RememberedDeviceClaim, secret = process.env.NEXTAUTH_SECRET): string | null {
  if (!secret) return null;
  const payload = Buffer.from(JSON.stringify([claim.userId, claim.sessionVersion, claim.totpEnabledAtMs, claim.expiresAtMs])).toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

export function readRememberedDevice(value: string | undefined, secret = process.env.NEXTAUTH_SECRET): RememberedDeviceClaim | null {
  if (!value || !secret) return null;
  const [payload, signature] = value.split(".");
  if (!payload || !signature) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const [userId, sessionVersion, totpEnabledAtMs, expiresAtMs] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof userId !== "string" || ![sessionVersion, totpEnabledAtMs, expiresAtMs].every(Number.isFinite)) return null;
    return { userId, sessionVersion, totpEnabledAtMs, expiresAtMs };
  } catch {
    return null;
  }
}
