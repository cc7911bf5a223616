import { isLocale } from "@/domain/i18n/locales";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { listSupportStaffByLoad, type TicketRow } from "@/server/support/tickets/ticket-repository";

/** Shown as T-<number>; e-mail subjects carry it in brackets so that replies find their ticket. */
export const ticketReference = (number: number) => `T-${number}`;

/**
 * Tells `count` support staff (the least loaded first) that a ticket needs a response, with its
 * deadline. Through the outbox, once per ticket and person.
 */
export async function notifyNewTicket(db: Db, ticket: TicketRow, count: number, now: Date): Promise<void> {
  const staff = (await listSupportStaffByLoad(db)).slice(0, Math.max(0, count));
  for (const s of staff) {
    await enqueueEmail(
      db,
      s.email,
      isLocale(s.locale) ? s.locale : "en",
      {
        template: "supportTicketOpened",
        params: {
          reference: ticketReference(ticket.number),
          subject: ticket.subject,
          urgency: ticket.urgency,
          responseDueAt: ticket.responseDueAt,
          link: `${appUrl()}/staff/support/tickets/${ticket.id}`,
        },
      },
      `ticket-opened:${ticket.id}:${s.id}`,
      now,
    );
  }
}
