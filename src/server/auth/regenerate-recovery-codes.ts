import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { newRecoveryCodes } from "@/server/auth/recovery-codes";
import { findTotpState, replaceRecoveryCodes } from "@/server/auth/second-factor-repository";
import { verifySecondFactor } from "@/server/auth/verify-second-factor";
import type { RootDb } from "@/server/db/types";

/** Ten new recovery codes, after a current code; the old ones stop working. Shown once. */
export async function regenerateRecoveryCodes(db: RootDb, userId: string, rawCode: string, ctx: RequestContext, now: Date): Promise<{ recoveryCodes: string[] }> {
  const state = await findTotpState(db, userId);
  if (state?.kind !== "STAFF") throw new DomainError("FORBIDDEN");
  if (!state.totpEnabledAt) throw new DomainError("TOTP_NOT_ENABLED");
  await verifySecondFactor(db, userId, rawCode, ctx, now);
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, userId, codes.hashes, now);
    await recordAudit(tx, { action: "auth.recovery_codes.regenerated", actorUserId: state.id, actorEmail: state.email, ip: ctx.ip, userAgent: ctx.userAgent, at: now });
  });
  return { recoveryCodes: codes.shown };
}
