import { DomainError } from "@/domain/shared/domain-error";
import { mayChangeTicketStatus } from "@/domain/support/ticket-rules";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { findTicket, lockTicket, updateTicket } from "@/server/support/tickets/ticket-repository";

/** Support staff open a closed ticket again (its survey stays as answered; closing again sends a new one). */
export async function reopenTicket(db: RootDb, actor: StaffActor, ticketId: string, ctx: RequestContext, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const ticket = (await lockTicket(tx, ticketId)) ? await findTicket(tx, ticketId) : null;
    if (!ticket) throw new DomainError("NOT_FOUND", { entity: "support_ticket" });
    if (!mayChangeTicketStatus(ticket.status, "OPEN")) throw new DomainError("INVALID_TRANSITION", { from: ticket.status, to: "OPEN" });
    await updateTicket(tx, ticket.id, { status: "OPEN", closedAt: null });
    await recordAudit(tx, {
      action: "support_ticket.reopened",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "support_ticket",
      targetId: ticket.id,
      customerId: ticket.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      at: now,
    });
  });
}
