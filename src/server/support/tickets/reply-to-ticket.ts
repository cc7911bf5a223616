import { DomainError } from "@/domain/shared/domain-error";
import { firstResponseAfterStaffReply } from "@/domain/support/ticket-rules";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { CustomerActor, StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { notifyTicketReply } from "@/server/support/tickets/notify-ticket-reply";
import { findCustomerTicket, findTicket, insertTicketMessage, lockTicket, updateTicket } from "@/server/support/tickets/ticket-repository";

export interface TicketReply {
  ticketId: string;
  body: string;
}

/** Who replies: a customer user (only on their own company's tickets) or support staff. */
export type TicketReplier = { side: "CUSTOMER"; actor: CustomerActor } | { side: "STAFF"; actor: StaffActor; ctx: RequestContext };

/**
 * A reply on a ticket, from either side. A staff reply is the ticket's first response if none came
 * before (the SLA judges that one only) and is e-mailed to the requester with its text and "[T-n]" in
 * the subject, so that answering the e-mail finds the ticket. A customer reply e-mails the assignee,
 * or the support staff when nobody holds it. A reply to a closed ticket opens it again. Another
 * company's ticket answers NOT_FOUND, as one that does not exist.
 */
export async function replyToTicket(db: RootDb, who: TicketReplier, input: TicketReply, now: Date): Promise<{ messageId: string }> {
  return db.$transaction(async (tx) => {
    const visible = who.side === "CUSTOMER" ? await findCustomerTicket(tx, who.actor.customerId, input.ticketId) : true;
    // Locked before it is read: two first responses at once set firstResponseAt once.
    const ticket = visible && (await lockTicket(tx, input.ticketId)) ? await findTicket(tx, input.ticketId) : null;
    if (!ticket) throw new DomainError("NOT_FOUND", { entity: "support_ticket" });
    const { id: messageId } = await insertTicketMessage(tx, {
      ticketId: ticket.id,
      authorKind: who.side,
      authorId: who.actor.id,
      fromAddress: who.actor.email,
      body: input.body,
      createdAt: now,
    });
    const reopened = ticket.status === "CLOSED";
    await updateTicket(tx, ticket.id, {
      ...(reopened ? { status: "OPEN", closedAt: null } : {}),
      ...(who.side === "STAFF" ? { firstResponseAt: firstResponseAfterStaffReply(ticket.firstResponseAt, now) } : {}),
    });
    await notifyTicketReply(tx, ticket, { side: who.side, messageId, body: input.body }, now);
    if (who.side === "STAFF") {
      await recordAudit(tx, {
        action: "support_ticket.replied",
        actorUserId: who.actor.id,
        actorEmail: who.actor.email,
        targetType: "support_ticket",
        targetId: ticket.id,
        customerId: ticket.customerId,
        ip: who.ctx.ip,
        userAgent: who.ctx.userAgent,
        // What was done, never what was written.
        details: { messageId, firstResponse: ticket.firstResponseAt === null, reopened },
        at: now,
      });
    }
    return { messageId };
  });
}
