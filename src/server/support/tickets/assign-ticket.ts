import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { findTicket, listTicketStaff, lockTicket, updateTicket } from "@/server/support/tickets/ticket-repository";

/** Support staff give a ticket to one of them (support staff or admin), or to nobody. */
export async function assignTicket(db: RootDb, actor: StaffActor, ticketId: string, assigneeId: string | null, ctx: RequestContext, now: Date): Promise<{ assigneeName: string | null }> {
  return db.$transaction(async (tx) => {
    // Locked before it is read: the audit's "from" is the assignee this change replaces.
    const ticket = (await lockTicket(tx, ticketId)) ? await findTicket(tx, ticketId) : null;
    if (!ticket) throw new DomainError("NOT_FOUND", { entity: "support_ticket" });
    const assignee = assigneeId ? (await listTicketStaff(tx)).find((s) => s.id === assigneeId) : null;
    if (assigneeId && !assignee) throw new DomainError("VALIDATION_FAILED", { field: "assigneeId", reason: "UNKNOWN_ASSIGNEE" });
    await updateTicket(tx, ticket.id, { assignedToId: assignee?.id ?? null });
    await recordAudit(tx, {
      action: "support_ticket.assigned",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "support_ticket",
      targetId: ticket.id,
      customerId: ticket.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { from: ticket.assignedToId, to: assignee?.id ?? null, toEmail: assignee?.email ?? null },
      at: now,
    });
    return { assigneeName: assignee?.name ?? null };
  });
}
