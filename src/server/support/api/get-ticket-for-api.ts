import type { ApiBody } from "@/contracts/api-responses";
import type { ZApiTicketWithMessages } from "@/contracts/api-responses-support";
import type { Db } from "@/server/db/types";
import { ticketApiView } from "@/server/support/api/ticket-api-views";
import { findTicketDetail } from "@/server/support/tickets/ticket-repository";

/** One ticket with its messages, oldest first; null when there is no such ticket. */
export async function getTicketForApi(db: Db, ticketId: string): Promise<ApiBody<typeof ZApiTicketWithMessages> | null> {
  const t = await findTicketDetail(db, ticketId);
  if (!t) return null;
  return {
    ...ticketApiView({
      id: t.id,
      number: t.number,
      customerId: t.customerId,
      subject: t.subject,
      urgency: t.urgency,
      status: t.status,
      source: t.source,
      requesterId: t.requesterId,
      requesterEmail: t.requesterEmail,
      assigneeId: t.assignedToId,
      receivedAt: t.receivedAt,
      responseDueAt: t.responseDueAt,
      firstResponseAt: t.firstResponseAt,
      closedAt: t.closedAt,
    }),
    messages: t.messages.map((m) => ({ id: m.id, authorKind: m.authorKind, from: m.author?.name ?? m.fromAddress, body: m.body, createdAt: m.createdAt })),
  };
}
