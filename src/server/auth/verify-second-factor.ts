import { parseSecondFactor, SECOND_FACTOR_POLICY } from "@/domain/auth/second-factor";
import { decideSignInThrottle } from "@/domain/auth/throttle";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { hashRecoveryCode } from "@/server/auth/recovery-codes";
import {
  consumeRecoveryCode,
  findTotpState,
  lockSecondFactor,
  recentSecondFactorFailures,
  recordSecondFactorAttempt,
  recordTotpStep,
  type TotpState,
} from "@/server/auth/second-factor-repository";
import { matchTotpStep } from "@/server/auth/totp";
import type { Db, RootDb } from "@/server/db/types";

type Check = (tx: Db, user: TotpState) => Promise<string | null>;

/**
 * Runs one second-factor check under the user's advisory lock: refuses when five codes failed within
 * the window, otherwise checks and records the attempt, all in one transaction so concurrent guesses
 * cannot get past the limit. `check` returns how the code was accepted ("totp", "recovery"), or null.
 * Throws SIGN_IN_THROTTLED or TOTP_INVALID once the attempt is committed.
 */
export async function throttledSecondFactorCheck(
  db: RootDb,
  userId: string,
  ctx: RequestContext,
  now: Date,
  action: string,
  check: Check,
): Promise<{ user: TotpState; method: string }> {
  const outcome = await db.$transaction(
    async (tx) => {
      await lockSecondFactor(tx, userId);
      const user = await findTotpState(tx, userId);
      if (!user) return { kind: "invalid" as const };
      const audit = { actorUserId: user.id, actorEmail: user.email, ip: ctx.ip, userAgent: ctx.userAgent, at: now };
      const since = new Date(now.getTime() - SECOND_FACTOR_POLICY.windowMs);
      const decision = decideSignInThrottle(await recentSecondFactorFailures(tx, user.id, since), now, SECOND_FACTOR_POLICY);
      if (decision.kind === "refuse") {
        await recordAudit(tx, { ...audit, action: `${action}.refused` });
        return { kind: "refused" as const, retryAt: decision.retryAt };
      }
      const method = await check(tx, user);
      await recordSecondFactorAttempt(tx, { userId: user.id, succeeded: method !== null, at: now });
      await recordAudit(tx, { ...audit, action: method ? `${action}.succeeded` : `${action}.failed`, details: method ? { method } : {} });
      return method ? { kind: "ok" as const, user, method } : { kind: "invalid" as const };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (outcome.kind === "refused") throw new DomainError("SIGN_IN_THROTTLED", { retryAt: outcome.retryAt.toISOString() });
  if (outcome.kind === "invalid") throw new DomainError("TOTP_INVALID", { field: "code" });
  return { user: outcome.user, method: outcome.method };
}

/**
 * Checks a staff member's code from their authenticator app, or one of their recovery codes (used up
 * by this check). A TOTP code is accepted once: its step is recorded.
 */
export async function verifySecondFactor(db: RootDb, userId: string, rawCode: string, ctx: RequestContext, now: Date): Promise<{ method: string }> {
  const { method } = await throttledSecondFactorCheck(db, userId, ctx, now, "auth.second_factor", async (tx, user) => {
    if (!user.totpSecret || !user.totpEnabledAt) return null;
    const input = parseSecondFactor(rawCode);
    if (input.kind === "totp") {
      const step = matchTotpStep(user.totpSecret, input.code, now.getTime(), user.totpLastStep);
      if (step === null) return null;
      await recordTotpStep(tx, user.id, step);
      return "totp";
    }
    if (input.kind === "recovery") return (await consumeRecoveryCode(tx, user.id, hashRecoveryCode(input.code), now)) ? "recovery" : null;
    return null;
  });
  return { method };
}
