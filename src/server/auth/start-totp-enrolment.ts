import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { findTotpState, setPendingTotpSecret } from "@/server/auth/second-factor-repository";
import { newTotpSecret } from "@/server/auth/totp";
import type { RootDb } from "@/server/db/types";

/**
 * First step of turning on two-factor authentication: a new secret, kept pending until the staff
 * member proves their app has it (confirmTotpEnrolment). Already enrolled staff must disable first.
 */
export async function startTotpEnrolment(db: RootDb, userId: string, ctx: RequestContext, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await findTotpState(tx, userId);
    if (user?.kind !== "STAFF") throw new DomainError("FORBIDDEN");
    if (user.totpEnabledAt) throw new DomainError("INVALID_TRANSITION");
    await setPendingTotpSecret(tx, user.id, newTotpSecret());
    await recordAudit(tx, { action: "auth.totp.enrolment_started", actorUserId: user.id, actorEmail: user.email, ip: ctx.ip, userAgent: ctx.userAgent, at: now });
  });
}
