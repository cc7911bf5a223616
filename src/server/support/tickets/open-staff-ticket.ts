import type { TOpenStaffTicketInput } from "@/contracts/support-tickets";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { openTicketWithin } from "@/server/support/tickets/open-ticket";
import { findCompanyUser, findCustomerName, isStaffUser } from "@/server/support/tickets/ticket-repository";

/**
 * Support staff write down a phone call as a ticket of the caller's company: the requester is one of
 * the company's users (checked to belong to it) or just an e-mail address. The first message is what
 * the caller said, written by staff; the SLA clock starts when the call came in (now). The API opens
 * tickets the same way (an integration's e-mail or phone system).
 */
export async function openStaffTicket(db: RootDb, actor: StaffActor, input: TOpenStaffTicketInput, ctx: RequestContext, now: Date): Promise<{ ticketId: string; number: number; responseDueAt: Date }> {
  return db.$transaction(async (tx) => {
    const customer = await findCustomerName(tx, input.customerId);
    if (!customer) throw new DomainError("VALIDATION_FAILED", { field: "customerId", reason: "UNKNOWN_CUSTOMER" });
    const requester = input.requesterId ? await findCompanyUser(tx, customer.id, input.requesterId) : null;
    if (input.requesterId && !requester) throw new DomainError("VALIDATION_FAILED", { field: "requesterId", reason: "UNKNOWN_REQUESTER" });
    const opened = await openTicketWithin(
      tx,
      {
        customerId: customer.id,
        subject: input.subject,
        body: input.body,
        urgency: input.urgency,
        source: "STAFF",
        requesterId: requester?.id ?? null,
        requesterEmail: requester?.email ?? input.requesterEmail ?? "",
        authorKind: "STAFF",
        // Through the API the actor is a token, not a person: the message then has no author account.
        authorId: (await isStaffUser(tx, actor.id)) ? actor.id : null,
        receivedAt: now,
      },
      now,
    );
    await recordAudit(tx, {
      action: "support_ticket.opened",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "support_ticket",
      targetId: opened.ticketId,
      customerId: customer.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { number: opened.number, urgency: input.urgency, requesterId: requester?.id ?? null },
      at: now,
    });
    return opened;
  });
}
