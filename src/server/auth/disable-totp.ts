import { secondFactorRequired } from "@/domain/auth/second-factor";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { disableTotp as clearTotp, findTotpState } from "@/server/auth/second-factor-repository";
import { verifySecondFactor } from "@/server/auth/verify-second-factor";
import type { RootDb } from "@/server/db/types";

/**
 * Turns two-factor authentication off, after a current code (or a recovery code), so a borrowed
 * session cannot do it. Admins cannot: they must use it. Remembered devices stop working because they
 * are bound to the time it was turned on.
 */
export async function disableTotp(db: RootDb, userId: string, rawCode: string, ctx: RequestContext, now: Date): Promise<void> {
  const state = await findTotpState(db, userId);
  if (state?.kind !== "STAFF") throw new DomainError("FORBIDDEN");
  if (secondFactorRequired(state.staffRoles)) throw new DomainError("TOTP_REQUIRED_FOR_ADMINS");
  if (!state.totpEnabledAt) throw new DomainError("TOTP_NOT_ENABLED");
  await verifySecondFactor(db, userId, rawCode, ctx, now);
  await db.$transaction(async (tx) => {
    await clearTotp(tx, userId);
    await recordAudit(tx, { action: "auth.totp.disabled", actorUserId: state.id, actorEmail: state.email, ip: ctx.ip, userAgent: ctx.userAgent, at: now });
  });
}
