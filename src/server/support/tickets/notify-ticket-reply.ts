import { isLocale } from "@/domain/i18n/locales";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { getSupportSettings } from "@/server/support/get-support-settings";
import { notifyCustomerReply } from "@/server/support/intake/notify-customer-reply";
import { requesterLocale, type TicketRow } from "@/server/support/tickets/ticket-repository";

/**
 * The e-mails of a reply, through the outbox in the caller's transaction. Staff replies go to the
 * requester with the text (the sources answer support by e-mail; the subject's "[T-n]" threads the
 * answer back). Customer replies go to the ticket's assignee, else to the technicians a new request
 * of its urgency reaches: a link and the reference only.
 */
export async function notifyTicketReply(db: Db, ticket: TicketRow, reply: { side: "CUSTOMER" | "STAFF"; messageId: string; body: string }, now: Date): Promise<void> {
  const reference = ticketReference(ticket.number);
  if (reply.side === "STAFF") {
    if (!ticket.requesterEmail) return;
    const locale = await requesterLocale(db, ticket);
    await enqueueEmail(
      db,
      ticket.requesterEmail,
      isLocale(locale) ? locale : "en",
      { template: "supportTicketReply", params: { reference, subject: ticket.subject, reply: reply.body, link: `${appUrl()}/portal/support/tickets/${ticket.id}` } },
      `ticket-reply:${reply.messageId}`,
      now,
    );
    return;
  }
  // The same people as for an e-mailed answer: the assignee, else as many technicians as a new request reaches.
  await notifyCustomerReply(db, await getSupportSettings(db), ticket, reply.messageId, now);
}
