import { RESPONSE_MINUTES, slaDeadline } from "@/domain/support/sla-calendar";
import type { Urgency } from "@/domain/support/charging-rules";
import type { TicketAuthorKind, TicketSource } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";
import { getSupportSettings, slaCalendarFor } from "@/server/support/get-support-settings";
import { notifyNewTicket } from "@/server/support/tickets/notify-new-ticket";
import { insertTicket, insertTicketMessage } from "@/server/support/tickets/ticket-repository";

export interface OpenTicketFacts {
  customerId: string;
  subject: string;
  body: string;
  urgency: Urgency;
  source: TicketSource;
  /** The customer user who asked (null when staff opened it for a caller not in the portal). */
  requesterId: string | null;
  requesterEmail: string;
  /** Who wrote the first message: the customer (e-mail, portal) or staff taking a phone call. */
  authorKind: TicketAuthorKind;
  authorId: string | null;
  /** When the request arrived: the SLA clock starts here (an e-mail's arrival, not its processing). */
  receivedAt: Date;
}

export interface OpenedTicket {
  ticketId: string;
  number: number;
  responseDueAt: Date;
}

/**
 * Opens a ticket inside the caller's transaction, whatever brought it (e-mail, portal, phone): its
 * first message, its response deadline on the desk's business-hours calendar (< 4 h regular, < 1 h
 * urgent), and the e-mails to the support staff who must answer (2 for regular, 3 for urgent by default).
 * The caller checked who may open it for this company; acknowledging the requester is the caller's.
 */
export async function openTicketWithin(tx: Db, f: OpenTicketFacts, now: Date): Promise<OpenedTicket> {
  const settings = await getSupportSettings(tx);
  const responseDueAt = slaDeadline(
    f.receivedAt,
    RESPONSE_MINUTES[f.urgency],
    slaCalendarFor(settings, f.urgency),
  );
  const ticket = await insertTicket(tx, {
    customerId: f.customerId,
    subject: f.subject,
    urgency: f.urgency,
    source: f.source,
    requesterId: f.requesterId,
    requesterEmail: f.requesterEmail,
    receivedAt: f.receivedAt,
    responseDueAt,
  });
  await insertTicketMessage(tx, {
    ticketId: ticket.id,
    authorKind: f.authorKind,
    authorId: f.authorId,
    fromAddress: f.requesterEmail,
    body: f.body,
    createdAt: f.receivedAt,
  });
  const count = f.urgency === "URGENT" ? settings.urgentNotifyCount : settings.regularNotifyCount;
  await notifyNewTicket(tx, ticket, count, now);
  return { ticketId: ticket.id, number: ticket.number, responseDueAt };
}
