import { isLocale } from "@/domain/i18n/locales";
import type { SupportTicket } from "@/generated/prisma/client";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import type { SupportSettingsView } from "@/server/support/get-support-settings";
import { findEnabledStaff } from "@/server/support/intake/inbound-email-repository";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { listSupportStaffByLoad } from "@/server/support/tickets/ticket-repository";

/**
 * Tells whoever handles a ticket that its customer answered by e-mail: its assignee, or, when nobody
 * holds it (or its holder left), as many support staff as a new request of its urgency would reach.
 * Once per inbound e-mail and person.
 */
export async function notifyCustomerReply(tx: Db, settings: SupportSettingsView, ticket: SupportTicket, inboundEmailId: string, now: Date): Promise<void> {
  const assignee = ticket.assignedToId ? await findEnabledStaff(tx, ticket.assignedToId) : null;
  const count = ticket.urgency === "URGENT" ? settings.urgentNotifyCount : settings.regularNotifyCount;
  const recipients = assignee ? [assignee] : (await listSupportStaffByLoad(tx)).slice(0, Math.max(0, count));
  for (const s of recipients) {
    await enqueueEmail(
      tx,
      s.email,
      isLocale(s.locale) ? s.locale : "en",
      {
        template: "supportCustomerReplied",
        params: { reference: ticketReference(ticket.number), subject: ticket.subject, link: `${appUrl()}/staff/support/tickets/${ticket.id}` },
      },
      `ticket-reply:${inboundEmailId}:${s.id}`,
      now,
    );
  }
}
