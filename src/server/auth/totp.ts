import { timingSafeEqual } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";
import { candidateSteps, TOTP_DIGITS, TOTP_STEP_SECONDS, totpStepAt } from "@/domain/auth/second-factor";

/** TOTP codes (RFC 6238) through the otpauth library; which steps are acceptable is a domain rule. */
const params = { algorithm: "SHA1", digits: TOTP_DIGITS } as const;

/** A new 160-bit secret, base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountName: string, issuer: string): string {
  return new TOTP({ ...params, period: TOTP_STEP_SECONDS, issuer, label: accountName, secret: Secret.fromBase32(secretBase32) }).toString();
}

/** The code of one step. */
export function totpCodeForStep(secretBase32: string, step: number): string {
  return HOTP.generate({ ...params, secret: Secret.fromBase32(secretBase32), counter: step });
}

/** The code an authenticator app shows at `atMs` (tests and the e2e helper use it). */
export function totpCodeAt(secretBase32: string, atMs: number): string {
  return totpCodeForStep(secretBase32, totpStepAt(atMs));
}

/** The step a code matches among the acceptable ones (see candidateSteps), or null. */
export function matchTotpStep(secretBase32: string, code: string, atMs: number, lastUsedStep: number | null): number | null {
  const given = Buffer.from(code.padEnd(TOTP_DIGITS, " ").slice(0, TOTP_DIGITS));
  for (const step of candidateSteps(atMs, lastUsedStep)) {
    if (timingSafeEqual(Buffer.from(totpCodeForStep(secretBase32, step)), given)) return step;
  }
  return null;
}
