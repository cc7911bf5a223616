import { isLocale } from "@/domain/i18n/locales";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { listTicketStaff, requesterLocale, type TicketRow } from "@/server/support/tickets/ticket-repository";

/**
 * The e-mails of a reply, through the outbox in the caller's transaction. Staff replies go to the
 * requester with the text (the sources answer support by e-mail; the subject's "[T-n]" threads the
 * answer back). Customer replies go to the ticket's assignee, else to every support technician:
 * a link and the reference only.
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
  const staff = await listTicketStaff(db);
  const assignee = staff.find((s) => s.id === ticket.assignedToId);
  const recipients = assignee ? [assignee] : staff.filter((s) => s.staffRoles.includes("SUPPORT"));
  for (const r of recipients) {
    await enqueueEmail(
      db,
      r.email,
      isLocale(r.locale) ? r.locale : "en",
      { template: "supportTicketCustomerReply", params: { reference, subject: ticket.subject, link: `${appUrl()}/staff/support/tickets/${ticket.id}` } },
      `ticket-reply:${reply.messageId}:${r.id}`,
      now,
    );
  }
}
