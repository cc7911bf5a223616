import type { Locale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import type { RequestContext } from "@/server/audit/audit-repository";
import { findContact } from "@/server/contacts/contact-repository";
import type { RootDb } from "@/server/db/types";
import { inviteCustomerUser } from "@/server/invitations/invite-customer-user";

/**
 * A company's owner invites a secondary representative into their own company (never another, never
 * as owner: the role is handed over, not granted by invitation). The owner's role is read from the
 * database, not from the session.
 */
export async function inviteColleague(
  db: RootDb,
  owner: { id: string; email: string; name: string; customerId: string },
  input: { email: string; locale: Locale },
  ctx: RequestContext,
  now: Date,
): Promise<{ invitationId: string }> {
  const self = await findContact(db, owner.customerId, owner.id);
  if (!self || self.disabled || self.role !== "OWNER") throw new DomainError("CONTACT_ACTION_REFUSED", { reason: "NOT_OWNER" });
  return inviteCustomerUser(db, owner, { customerId: owner.customerId, email: input.email, role: "MEMBER", locale: input.locale }, ctx, now);
}
