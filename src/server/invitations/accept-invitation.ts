import { normalizeEmail, passwordProblem } from "@/domain/auth/password-policy";
import { assertTokenUsable } from "@/domain/auth/single-use-token";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { hashPassword } from "@/server/auth/password-hashing";
import { hashSecretToken } from "@/server/auth/secret-tokens";
import { carryTermsAcceptanceToUser } from "@/server/access-requests/access-request-repository";
import { notifyOwnersOfNewContact } from "@/server/contacts/notify-owners-of-new-contact";
import type { RootDb } from "@/server/db/types";
import { consumeToken, findTokenByHash, markInvitationAccepted } from "@/server/invitations/invitation-repository";
import { emailIsRegistered } from "@/server/users/user-repository";
import { createCustomerUser } from "@/server/users/user-writes";

/** What the invitation page shows before the person sets a password. */
export async function describeInvitation(db: RootDb, token: string, now: Date) {
  const row = await findTokenByHash(db, hashSecretToken(token));
  assertTokenUsable(row, "INVITATION", now);
  const inv = row?.invitation;
  if (!inv || inv.acceptedAt || inv.revokedAt) throw new DomainError("TOKEN_INVALID");
  return { email: inv.email, companyName: inv.customer.legalName, locale: inv.locale };
}

export interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
}

/**
 * Turns an invitation into an account. The token is consumed with a conditional update, so two
 * simultaneous submissions create one account and the other gets TOKEN_USED.
 */
export async function acceptInvitation(
  db: RootDb,
  input: AcceptInvitationInput,
  ctx: RequestContext,
  now: Date,
): Promise<{ userId: string; email: string }> {
  const row = await findTokenByHash(db, hashSecretToken(input.token));
  assertTokenUsable(row, "INVITATION", now);
  const inv = row?.invitation;
  if (!row || !inv || inv.acceptedAt || inv.revokedAt) throw new DomainError("TOKEN_INVALID");
  const email = normalizeEmail(inv.email);
  const problem = passwordProblem(input.password, email);
  if (problem) throw new DomainError("PASSWORD_REJECTED", { reason: problem });
  const passwordHash = await hashPassword(input.password);

  return db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, row.id, now))) throw new DomainError("TOKEN_USED");
    if (await emailIsRegistered(tx, email)) throw new DomainError("EMAIL_ALREADY_REGISTERED");
    const user = await createCustomerUser(tx, {
      email,
      name: input.name.trim(),
      passwordHash,
      customerId: inv.customerId,
      customerRole: inv.customerRole,
      locale: inv.locale,
    });
    await markInvitationAccepted(tx, inv.id, user.id, now);
    // Admitted through an access request: the terms accepted there hold for the new account.
    await carryTermsAcceptanceToUser(tx, inv.id, user.id);
    // A secondary representative joined: the primary one is told (issue 17).
    if (inv.customerRole === "MEMBER") await notifyOwnersOfNewContact(tx, inv.customerId, { id: user.id, name: input.name.trim(), email }, now);
    await recordAudit(tx, {
      action: "invitation.accepted",
      actorUserId: user.id,
      actorEmail: email,
      targetType: "invitation",
      targetId: inv.id,
      customerId: inv.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      at: now,
    });
    return { userId: user.id, email };
  });
}
