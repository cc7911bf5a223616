import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The `Comptoir-Signature` header, Stripe's scheme (ADR 0016): `t=<unix seconds>,v1=<hex>` where v1
 * is HMAC-SHA256(secret, `${t}.${body}`) over the exact bytes sent. The timestamp is signed too, so
 * a receiver that refuses old timestamps (5 minutes is usual) cannot be fed a recorded request again.
 */
export const SIGNATURE_HEADER = "Comptoir-Signature";
export const EVENT_ID_HEADER = "Comptoir-Event-Id";

/** A new endpoint secret: 256 random bits, prefixed so it is recognisable in a vault or a leak scan. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");

export function signWebhookBody(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/**
 * What a receiver does (and the tests): true when one v1 signature of the header matches the body
 * and the timestamp is within `toleranceSeconds` of `now`. Several v1 entries are accepted, as
 * Stripe sends during a secret rotation.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = header.split(",").map((p) => p.trim().split("=", 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  return parts.some(([k, v]) => {
    if (k !== "v1" || !v || !/^[0-9a-f]{64}$/.test(v)) return false;
    return timingSafeEqual(Buffer.from(v, "hex"), expected);
  });
}
