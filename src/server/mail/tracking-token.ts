import { createHmac, timingSafeEqual } from "node:crypto";
import { isInAppPath, type TrackingClaim } from "@/domain/mail/tracked-link";

/**
 * Tracking tokens of e-mail evidence (ADR 0017): `payload.signature`, both base64url, the payload a
 * short JSON array, the signature HMAC-SHA-256 under a key derived from NEXTAUTH_SECRET (the secret
 * the sessions already rely on) with its own label, so a token of another feature never verifies
 * here. The redirect target lives inside the signed payload: no unsigned parameter is ever followed.
 */
const LABEL = "comptoir:email-tracking:v1:";

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret)
    .update(LABEL + payload)
    .digest();
}

const trackingSecret = (secret: string | undefined = process.env.NEXTAUTH_SECRET) => secret || null;

export function signTrackingToken(claim: TrackingClaim, secret?: string): string | null {
  const key = trackingSecret(secret);
  if (!key) return null;
  if (claim.kind === "click" && !isInAppPath(claim.path))
    throw new Error("a tracked link must stay inside the app");
  const body = claim.kind === "open" ? ["o", claim.emailId] : ["c", claim.emailId, claim.path];
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${mac(payload, key).toString("base64url")}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claim of a genuine token, or null for anything forged, truncated, re-signed or malformed. */
export function readTrackingToken(token: string, secret?: string): TrackingClaim | null {
  const key = trackingSecret(secret);
  if (!key || token.length > 2000) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const body: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(body) || typeof body[1] !== "string" || !UUID.test(body[1])) return null;
    if (body[0] === "o" && body.length === 2) return { kind: "open", emailId: body[1] };
    if (body[0] === "c" && body.length === 3 && typeof body[2] === "string" && isInAppPath(body[2]))
      return { kind: "click", emailId: body[1], path: body[2] };
    return null;
  } catch {
    return null;
  }
}
