import type { Locale } from "@/domain/i18n/locales";
import type { Urgency } from "@/domain/support/charging-rules";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";

export interface Acknowledgement {
  to: string;
  locale: Locale;
  ticketId: string;
  reference: string;
  subject: string;
  urgency: Urgency;
}

/**
 * The automatic answer to a new e-mailed request, in the requester's language: its reference in the
 * subject ("[T-12]", so that an answer anyway finds the ticket), the promised response time (under 4
 * business hours regular, under 1 hour urgent) and a request not to reply. Once per ticket.
 */
export async function sendAcknowledgement(tx: Db, a: Acknowledgement, now: Date): Promise<void> {
  await enqueueEmail(
    tx,
    a.to,
    a.locale,
    { template: "supportAcknowledgement", params: { reference: a.reference, subject: a.subject, urgency: a.urgency, link: `${appUrl()}/portal/support` } },
    `support-ack:${a.ticketId}`,
    now,
  );
}
