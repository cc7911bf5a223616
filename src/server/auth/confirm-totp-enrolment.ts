import { parseSecondFactor } from "@/domain/auth/second-factor";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { newRecoveryCodes } from "@/server/auth/recovery-codes";
import { enableTotp, findTotpState, replaceRecoveryCodes } from "@/server/auth/second-factor-repository";
import { matchTotpStep } from "@/server/auth/totp";
import { throttledSecondFactorCheck } from "@/server/auth/verify-second-factor";
import type { RootDb } from "@/server/db/types";

/**
 * Second step of enrolment: a code from the app proves it holds the pending secret. Turns two-factor
 * authentication on and returns ten recovery codes, shown this once (only their hashes are kept).
 * Wrong codes count towards the same limit as at sign-in.
 */
export async function confirmTotpEnrolment(db: RootDb, userId: string, rawCode: string, ctx: RequestContext, now: Date): Promise<{ recoveryCodes: string[] }> {
  const state = await findTotpState(db, userId);
  if (state?.kind !== "STAFF") throw new DomainError("FORBIDDEN");
  if (!state.totpPendingSecret) throw new DomainError("TOTP_NOT_STARTED");
  const codes = newRecoveryCodes();
  await throttledSecondFactorCheck(db, userId, ctx, now, "auth.totp.enrolment", async (tx, user) => {
    const input = parseSecondFactor(rawCode);
    if (!user.totpPendingSecret || input.kind !== "totp") return null;
    const step = matchTotpStep(user.totpPendingSecret, input.code, now.getTime(), null);
    if (step === null) return null;
    await enableTotp(tx, user.id, user.totpPendingSecret, step, now);
    await replaceRecoveryCodes(tx, user.id, codes.hashes, now);
    await recordAudit(tx, { action: "auth.totp.enabled", actorUserId: user.id, actorEmail: user.email, ip: ctx.ip, userAgent: ctx.userAgent, at: now });
    return "totp";
  });
  return { recoveryCodes: codes.shown };
}
