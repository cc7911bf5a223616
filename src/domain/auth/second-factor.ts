import type { StaffRoleName } from "@/domain/auth/roles";
import { THROTTLE_POLICY, type ThrottlePolicy } from "@/domain/auth/throttle";

/**
 * Staff two-factor authentication rules. Codes are TOTP (RFC 6238: 6 digits, 30-second steps, SHA-1,
 * what every authenticator app speaks); the server accepts the previous, current and next step so a
 * clock a little off still works, and never the same step twice.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of the current one that are accepted. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** A device that gave a code may skip the code for at most this long. */
export const REMEMBER_DEVICE_MS = 30 * 24 * 60 * 60 * 1000;

/** Wrong codes are throttled like passwords: five within the window lock the second step. */
export const SECOND_FACTOR_POLICY: ThrottlePolicy = {
  ...THROTTLE_POLICY,
  accountSlowAfter: 5,
  accountLockAfter: 5,
};

/** Admins must use a second factor; other staff may. */
export function secondFactorRequired(staffRoles: readonly StaffRoleName[]): boolean {
  return staffRoles.includes("ADMIN");
}

/** The step (30-second slot since the epoch) a time falls in. */
export function totpStepAt(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);
}

/** Steps a code given at `atMs` may belong to, nearest first, excluding any already used. */
export function candidateSteps(atMs: number, lastUsedStep: number | null): number[] {
  const now = totpStepAt(atMs);
  const steps = [now];
  for (let d = 1; d <= TOTP_WINDOW; d++) steps.push(now - d, now + d);
  return steps.filter((s) => lastUsedStep === null || s > lastUsedStep);
}

export type SecondFactorInput = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "malformed" };

/** Six digits are a TOTP code; ten letters and digits (dashes and spaces ignored) a recovery code. */
export function parseSecondFactor(raw: string): SecondFactorInput {
  const compact = raw.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (/^[a-z2-7]{10}$/.test(compact)) return { kind: "recovery", code: compact };
  return { kind: "malformed" };
}

/** How a recovery code is shown: two groups of five. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export interface RememberedDeviceClaim {
  userId: string;
  sessionVersion: number;
  /** When two-factor authentication was turned on (ms): turning it off and on again forgets devices. */
  totpEnabledAtMs: number;
  expiresAtMs: number;
}

/** Whether a remembered-device claim (already known to be authentic) still lets this user skip the code. */
export function rememberedDeviceValid(
  claim: RememberedDeviceClaim,
  user: { id: string; sessionVersion: number; totpEnabledAt: Date | null },
  now: Date,
): boolean {
  return (
    claim.userId === user.id &&
    claim.sessionVersion === user.sessionVersion &&
    user.totpEnabledAt !== null &&
    claim.totpEnabledAtMs === user.totpEnabledAt.getTime() &&
    claim.expiresAtMs > now.getTime() &&
    claim.expiresAtMs - now.getTime() <= REMEMBER_DEVICE_MS
  );
}
