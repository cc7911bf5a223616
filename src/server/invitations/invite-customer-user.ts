import { normalizeEmail } from "@/domain/auth/password-policy";
import type { CustomerRoleName } from "@/domain/auth/roles";
import type { Locale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { contactCapReached } from "@/domain/contacts/contact-rules";
import { contactCapacity, lockCompanyContacts } from "@/server/contacts/contact-repository";
import { findCustomerName } from "@/server/customers/customer-repository";
import type { RootDb } from "@/server/db/types";
import { createInvitation, findPendingInvitation } from "@/server/invitations/invitation-repository";
import { sendInvitationLink } from "@/server/invitations/send-invitation-link";
import { emailIsRegistered } from "@/server/users/user-repository";

export interface InviteCustomerUserInput {
  customerId: string;
  email: string;
  role: CustomerRoleName;
  locale: Locale;
}

/** Who sends the invitation: billing staff, or the company's owner (inviteColleague checks that). */
export interface Inviter {
  id: string;
  email: string;
  name: string;
}

/**
 * Invites an e-mail address into a customer company, within the group's contact cap (counted under
 * the company's lock, so two invitations at once cannot both take the last place).
 */
export async function inviteCustomerUser(
  db: RootDb,
  actor: Inviter,
  input: InviteCustomerUserInput,
  ctx: RequestContext,
  now: Date,
): Promise<{ invitationId: string }> {
  const email = normalizeEmail(input.email);
  return db.$transaction(async (tx) => {
    if (!(await lockCompanyContacts(tx, input.customerId))) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const companyName = await findCustomerName(tx, input.customerId);
    if (!companyName) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const { cap, activeUsers, openInvitations } = await contactCapacity(tx, input.customerId);
    if (contactCapReached(cap, activeUsers, openInvitations)) throw new DomainError("CONTACT_CAP_REACHED", { cap, field: "email" });
    if (await emailIsRegistered(tx, email)) throw new DomainError("EMAIL_ALREADY_REGISTERED", { field: "email" });
    if (await findPendingInvitation(tx, input.customerId, email)) throw new DomainError("INVITATION_ALREADY_PENDING", { field: "email" });

    const { id } = await createInvitation(tx, {
      email,
      customerId: input.customerId,
      customerRole: input.role,
      locale: input.locale,
      invitedById: actor.id,
      createdAt: now,
    });
    await sendInvitationLink(tx, { id, email, locale: input.locale, companyName, inviterName: actor.name }, now);
    await recordAudit(tx, {
      action: "invitation.created",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "invitation",
      targetId: id,
      customerId: input.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { email, role: input.role },
      at: now,
    });
    return { invitationId: id };
  });
}
