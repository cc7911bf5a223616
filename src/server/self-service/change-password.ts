import type { TChangePasswordInput } from "@/contracts/self-service";
import { passwordProblem } from "@/domain/auth/password-policy";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { CustomerActor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password-hashing";
import { revokeUserResetTokens } from "@/server/auth/reset-token-repository";
import type { RootDb } from "@/server/db/types";
import { findUserCredentials, writePasswordEndingSessions } from "@/server/self-service/self-service-repository";

/**
 * A signed-in user changes their password, proving they know the current one. The session version
 * is bumped, which ends every session of the account; the caller re-issues its own session with the
 * returned version (see src/app/_lib/reissue-session.ts), so only the other devices are signed out.
 * Outstanding reset links die too: one could otherwise undo the change.
 */
export async function changePassword(
  db: RootDb,
  actor: Pick<CustomerActor, "id" | "email"> & { customerId?: string | null },
  input: TChangePasswordInput,
  ctx: RequestContext,
  now: Date,
): Promise<{ sessionVersion: number }> {
  const user = await findUserCredentials(db, actor.id);
  if (!user?.passwordHash) throw new DomainError("NOT_FOUND", { entity: "user" });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("CURRENT_PASSWORD_WRONG", { field: "currentPassword" });
  }
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw new DomainError("PASSWORD_REJECTED", { reason: problem });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const sessionVersion = await writePasswordEndingSessions(tx, user.id, passwordHash);
    await revokeUserResetTokens(tx, user.id, now);
    await recordAudit(tx, {
      action: "auth.password.changed",
      actorUserId: user.id,
      actorEmail: user.email,
      targetType: "user",
      targetId: user.id,
      customerId: actor.customerId ?? null,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      at: now,
    });
    return { sessionVersion };
  });
}
