import type { ApiBody } from "@/contracts/api-responses";
import type { ZApiTicket } from "@/contracts/api-responses-support";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";

export interface TicketApiRow {
  id: string;
  number: number;
  customerId: string;
  subject: string;
  urgency: "REGULAR" | "URGENT";
  status: "OPEN" | "CLOSED";
  source: "EMAIL" | "PORTAL" | "STAFF";
  requesterId: string | null;
  requesterEmail: string;
  assigneeId: string | null;
  receivedAt: Date;
  responseDueAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
}

/** A ticket as /api/v1 shows it. */
export function ticketApiView(t: TicketApiRow): ApiBody<typeof ZApiTicket> {
  return {
    id: t.id,
    reference: ticketReference(t.number),
    customerId: t.customerId,
    subject: t.subject,
    urgency: t.urgency,
    status: t.status,
    source: t.source,
    requesterId: t.requesterId,
    requesterEmail: t.requesterEmail,
    assigneeId: t.assigneeId,
    receivedAt: t.receivedAt,
    responseDueAt: t.responseDueAt,
    firstResponseAt: t.firstResponseAt,
    responseMet: t.firstResponseAt ? t.firstResponseAt.getTime() <= t.responseDueAt.getTime() : null,
    closedAt: t.closedAt,
  };
}
