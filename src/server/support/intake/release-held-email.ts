import type { TReleaseHeldEmailInput } from "@/contracts/inbound-email";
import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";
import {
  findCustomerName,
  findCustomerUserByEmail,
  lockInboundEmail,
  recordInboundEmailOutcome,
} from "@/server/support/intake/inbound-email-repository";
import { sendAcknowledgement } from "@/server/support/intake/send-acknowledgement";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { openTicketWithin } from "@/server/support/tickets/open-ticket";

export interface ReleasedEmail {
  ticketId: string;
  reference: string;
  customerName: string;
  sender: string;
}

/**
 * Support staff open a ticket from a held message for the customer they chose: the sender is its
 * requester (linked to their account when they are a user of that company), the message its first
 * message, and the sender gets the acknowledgement. The SLA clock starts now, when the desk accepted
 * the request, not when the unrecognised message arrived (nothing was promised to its sender then).
 */
export async function releaseHeldEmail(db: RootDb, actor: StaffActor, input: TReleaseHeldEmailInput, ctx: RequestContext, now: Date): Promise<ReleasedEmail> {
  return db.$transaction(async (tx) => {
    const email = await lockInboundEmail(tx, input.emailId);
    if (!email) throw new DomainError("NOT_FOUND", { entity: "inbound_email" });
    if (email.outcome !== "HELD") throw new DomainError("HELD_EMAIL_DECIDED");
    const customer = await findCustomerName(tx, input.customerId);
    if (!customer) throw new DomainError("VALIDATION_FAILED", { field: "customerId", reason: "NOT_FOUND" });
    const user = await findCustomerUserByEmail(tx, email.fromAddress);
    const requester = user?.active && user.customerId === customer.id ? user : null;
    const localeName = requester?.locale ?? customer.locale;
    const locale = isLocale(localeName) ? localeName : "en";
    const subject = email.subject || translatorFor(locale)("supportInbox.noSubject");
    const opened = await openTicketWithin(
      tx,
      {
        customerId: customer.id,
        subject,
        body: email.text.trim() || subject,
        urgency: email.urgency,
        source: "EMAIL",
        requesterId: requester?.id ?? null,
        requesterEmail: email.fromAddress,
        authorKind: "CUSTOMER",
        authorId: requester?.id ?? null,
        receivedAt: now,
      },
      now,
    );
    const reference = ticketReference(opened.number);
    await sendAcknowledgement(tx, { to: email.fromAddress, locale, ticketId: opened.ticketId, reference, subject, urgency: email.urgency }, now);
    await recordInboundEmailOutcome(tx, email.id, { outcome: "RELEASED", customerId: customer.id, ticketId: opened.ticketId, decidedById: actor.id, decidedAt: now });
    await recordAudit(tx, {
      action: "support_inbound_email.released",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "inbound_email",
      targetId: email.id,
      customerId: customer.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      // The sender and the ticket, never the message's text.
      details: { from: email.fromAddress, heldReason: email.heldReason, ticketId: opened.ticketId, reference },
      at: now,
    });
    return { ticketId: opened.ticketId, reference, customerName: customer.legalName, sender: email.fromAddress };
  });
}
