import { type ContactAction, type ContactManager, contactActionRefusal, contactCapReached } from "@/domain/contacts/contact-rules";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import {
  contactCapacity,
  demoteOwners,
  findContact,
  lockCompanyContacts,
  markContactRemoved,
  setContactDisabled,
  setContactRole,
} from "@/server/contacts/contact-repository";
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
      const { cap, activeUsers, openInvitations } = await contactCapacity(tx, customerId);
      if (contactCapReached(cap, activeUsers, openInvitations)) throw new DomainError("CONTACT_CAP_REACHED", { cap });
      await setContactDisabled(tx, userId, null);
    } else if (action === "disable") {
      await setContactDisabled(tx, userId, now);
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
