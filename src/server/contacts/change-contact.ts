import { type ContactAction, type ContactManager, contactActionRefusal, contactCapReached } from "@/domain/contacts/contact-rules";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import {
  contactCapacity,
  countSupportContacts,
  demoteOwners,
  findContact,
  lockCompanyContacts,
  markContactRemoved,
  setContactDisabled,
  setContactRole,
  setSupportContact,
} from "@/server/contacts/contact-repository";
import { getSupportSettings } from "@/server/support/get-support-settings";
import type { RootDb } from "@/server/db/types";

/** Who changes a contact: the company's own user (their role is re-read, not trusted) or staff. */
export type ContactChanger =
  | { kind: "customer"; id: string; email: string; customerId: string }
  | { kind: "staff"; id: string; email: string };

const AUDIT_ACTION = {
  disable: "contact.disabled",
  enable: "contact.enabled",
  remove: "contact.removed",
  makeOwner: "contact.owner_changed",
  authoriseSupport: "contact.support_authorised",
  revokeSupport: "contact.support_revoked",
} as const;

/**
 * Disables, re-enables or removes a contact of `customerId`, or makes them its owner (the previous
 * owner becomes a secondary representative: one owner at a time). Under the company's lock, so a
 * hand-over and a re-enable racing the cap see each other. Refusals carry the rule's reason.
 */
export async function changeContact(
  db: RootDb,
  changer: ContactChanger,
  customerId: string,
  userId: string,
  action: ContactAction,
  ctx: RequestContext,
  now: Date,
): Promise<{ name: string; email: string }> {
  if (changer.kind === "customer" && changer.customerId !== customerId) throw new DomainError("NOT_FOUND", { entity: "customer" });
  return db.$transaction(async (tx) => {
    if (!(await lockCompanyContacts(tx, customerId))) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const target = await findContact(tx, customerId, userId);
    if (!target) throw new DomainError("NOT_FOUND", { entity: "user" });
    let manager: ContactManager = { kind: "staff" };
    if (changer.kind === "customer") {
      const self = await findContact(tx, customerId, changer.id);
      if (!self || self.disabled) throw new DomainError("FORBIDDEN");
      manager = { kind: "customer", userId: self.id, role: self.role };
    }
    const refusal = contactActionRefusal(manager, target, action);
    if (refusal) throw new DomainError("CONTACT_ACTION_REFUSED", { reason: refusal });

    if (action === "enable") {
      const { cap, activeUsers, openInvitations } = await contactCapacity(tx, customerId, now);
      if (contactCapReached(cap, activeUsers, openInvitations)) throw new DomainError("CONTACT_CAP_REACHED", { cap });
      await setContactDisabled(tx, userId, null);
    } else if (action === "disable") {
      await setContactDisabled(tx, userId, now);
    } else if (action === "authoriseSupport") {
      // At most `max_support_contacts` (4 by default) may open tickets by e-mail for one company.
      const { maxSupportContacts } = await getSupportSettings(tx);
      if ((await countSupportContacts(tx, customerId)) >= maxSupportContacts) throw new DomainError("SUPPORT_CONTACT_CAP_REACHED", { cap: maxSupportContacts });
      await setSupportContact(tx, userId, true);
    } else if (action === "revokeSupport") {
      await setSupportContact(tx, userId, false);
    } else if (action === "remove") {
      await markContactRemoved(tx, userId, now);
    } else {
      // The current owners step down first: the company keeps exactly one.
      await demoteOwners(tx, customerId);
      await setContactRole(tx, userId, "OWNER");
    }
    await recordAudit(tx, {
      action: AUDIT_ACTION[action],
      actorUserId: changer.id,
      actorEmail: changer.email,
      targetType: "user",
      targetId: userId,
      customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { email: target.email, name: target.name },
      at: now,
    });
    return { name: target.name, email: target.email };
  });
}
