import { timingSafeEqual } from "node:crypto";
import { env } from "@/server/config";

/** Larger messages are refused (SMTP 552, webhook 413); attachments are not kept anyway, only the text. */
export const INBOUND_MAX_BYTES = 10 * 1024 * 1024;

/** Where the SMTP listener binds, or null when COMPTOIR_SMTP_INTAKE_PORT is "off" or 0. */
export function smtpIntakeAddress(): { port: number; host: string } | null {
  const { COMPTOIR_SMTP_INTAKE_PORT: port, COMPTOIR_SMTP_INTAKE_HOST: host } = env();
  if (port === "off" || Number(port) === 0) return null;
  return { port: Number(port), host };
}

/**
 * The inbound webhook's shared secret, read on every request (like SMTP_URL) so that setting or
 * rotating it needs no restart of the worker's cache; null (unset or too short) disables the route.
 */
export function inboundMailSecret(): string | null {
  const secret = process.env.COMPTOIR_INBOUND_MAIL_SECRET?.trim();
  return secret && secret.length >= 16 ? secret : null;
}

/** Whether an Authorization header carries the secret, compared in constant time. */
export function isInboundMailAuthorised(authorization: string | null, secret: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization?.trim() ?? "")?.[1] ?? "");
  const expected = Buffer.from(secret);
  // Lengths differ: compare with itself anyway, so a wrong length takes as long as a wrong byte.
  return timingSafeEqual(given.length === expected.length ? given : expected, expected) && given.length === expected.length;
}
