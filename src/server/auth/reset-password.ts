import { passwordProblem } from "@/domain/auth/password-policy";
import { assertTokenUsable } from "@/domain/auth/single-use-token";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { hashPassword } from "@/server/auth/password-hashing";
import { revokeUserResetTokens } from "@/server/auth/reset-token-repository";
import { hashSecretToken } from "@/server/auth/secret-tokens";
import type { RootDb } from "@/server/db/types";
import { consumeToken, findTokenByHash } from "@/server/invitations/invitation-repository";
import { replacePassword } from "@/server/users/user-writes";

/** Checks a reset link before showing the form, so a dead link says so at once. */
export async function checkPasswordResetToken(db: RootDb, token: string, now: Date): Promise<void> {
  const row = await findTokenByHash(db, hashSecretToken(token));
  assertTokenUsable(row, "PASSWORD_RESET", now);
}

/** Sets a new password from a reset link; every existing session of the account ends. */
export async function resetPassword(
  db: RootDb,
  input: { token: string; password: string },
  ctx: RequestContext,
  now: Date,
): Promise<{ email: string }> {
  const row = await findTokenByHash(db, hashSecretToken(input.token));
  assertTokenUsable(row, "PASSWORD_RESET", now);
  const user = row?.user;
  if (!row || !user || user.disabledAt) throw new DomainError("TOKEN_INVALID");
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw new DomainError("PASSWORD_REJECTED", { reason: problem });
  const passwordHash = await hashPassword(input.password);

  await db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, row.id, now))) throw new DomainError("TOKEN_USED");
    await replacePassword(tx, user.id, passwordHash);
    await revokeUserResetTokens(tx, user.id, now);
    await recordAudit(tx, {
      action: "auth.password_reset.completed",
      actorUserId: user.id,
      actorEmail: user.email,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      at: now,
    });
  });
  return { email: user.email };
}
