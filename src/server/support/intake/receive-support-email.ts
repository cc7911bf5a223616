import { createHash } from "node:crypto";
import type { InboundMessage } from "@/contracts/inbound-email";
import { isLocale, type Locale } from "@/domain/i18n/locales";
import {
  canonicalMessageId,
  type HeldReason,
  INBOUND_SUBJECT_MAX,
  INBOUND_TEXT_MAX,
  isAutomated,
  normaliseAddress,
  stripQuotedHistory,
  ticketNumberInSubject,
  urgencyOfRecipients,
} from "@/domain/support/inbound-email";
import type { InboundEmailOutcome } from "@/generated/prisma/client";
import { appUrl, env } from "@/server/config";
import type { Db, RootDb } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { getSupportSettings } from "@/server/support/get-support-settings";
import {
  claimInboundEmail,
  findCompanyTicketByMessageIds,
  findCompanyTicketByNumber,
  findCustomerUserByEmail,
  recordInboundEmailOutcome,
  reopenTicket,
  type SenderRow,
} from "@/server/support/intake/inbound-email-repository";
import { notifyCustomerReply } from "@/server/support/intake/notify-customer-reply";
import { sendAcknowledgement } from "@/server/support/intake/send-acknowledgement";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { openTicketWithin } from "@/server/support/tickets/open-ticket";
import { insertTicketMessage } from "@/server/support/tickets/ticket-repository";

export interface ReceivedEmail {
  /** False when this Message-ID was received before: nothing was done again. */
  accepted: boolean;
  outcome: InboundEmailOutcome | null;
  inboundEmailId: string | null;
  ticketId: string | null;
  heldReason: HeldReason | null;
}

/** Thrown before anything is written when a message reached neither desk address (SMTP 550, webhook 422). */
export class NotADeskAddress extends Error {
  constructor() {
    super("the message was not sent to a support desk address");
  }
}

/**
 * A stand-in Message-ID for a message without one: the same message delivered twice hashes the same
 * (sender, sender's date, subject, body), so it is still handled once.
 */
export function stableMessageId(m: Pick<InboundMessage, "from" | "date" | "subject" | "text">): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([normaliseAddress(m.from.address), m.date?.toISOString() ?? "", m.subject, m.text]))
    .digest("hex");
  return `<sha256.${hash}@comptoir.invalid>`;
}

/** The address part of MAIL_FROM ("Comptoir <billing@…>"): our own mail is never answered. */
function ownSenderAddress(): string {
  const from = env().MAIL_FROM;
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/**
 * One e-mail to the support desk, from the SMTP listener or the inbound webhook, handled once per
 * Message-ID in one transaction with everything it causes:
 * - from an active authorised contact (`users.support_contact`): a reply to one of their company's
 *   tickets ("[T-n]" in the subject, or In-Reply-To/References naming an earlier e-mail of the ticket)
 *   joins it (a closed ticket reopens; its handler is told); anything else opens a ticket (SLA clock
 *   from arrival) and the sender is acknowledged in their language;
 * - from anyone else: HELD for staff with the reason, and the sender gets a polite answer;
 * - machine mail (auto-replies, bounces, lists, our own addresses) is never answered: HELD (AUTOMATED).
 */
export async function receiveSupportEmail(db: RootDb, m: InboundMessage, receivedAt: Date, now: Date): Promise<ReceivedEmail> {
  return db.$transaction(async (tx) => {
    const settings = await getSupportSettings(tx);
    const urgency = urgencyOfRecipients(m.recipients, settings);
    if (!urgency) throw new NotADeskAddress();
    const deskAddress = urgency === "URGENT" ? settings.urgentAddress : settings.regularAddress;
    const subject = m.subject.trim().slice(0, INBOUND_SUBJECT_MAX);
    const text = m.text.slice(0, INBOUND_TEXT_MAX);
    const references = [...new Set([...m.inReplyTo, ...m.references].map(canonicalMessageId))];
    const claimed = await claimInboundEmail(tx, {
      messageId: m.messageId ? canonicalMessageId(m.messageId) : stableMessageId(m),
      fromAddress: m.from.address.trim(),
      fromName: m.from.name.trim().slice(0, 200),
      toAddress: deskAddress,
      subject,
      text,
      inReplyTo: references,
      urgency,
      receivedAt,
    });
    if (!claimed) return { accepted: false, outcome: null, inboundEmailId: null, ticketId: null, heldReason: null };
    const id = claimed.id;
    const done = (outcome: InboundEmailOutcome, ticketId: string | null, heldReason: HeldReason | null = null): ReceivedEmail => ({ accepted: true, outcome, inboundEmailId: id, ticketId, heldReason });

    const automated = isAutomated(
      { from: m.from.address, autoSubmitted: m.autoSubmitted, precedence: m.precedence, autoResponseSuppress: m.autoResponseSuppress, listId: m.listId },
      [settings.regularAddress, settings.urgentAddress, ownSenderAddress()],
    );
    const sender = await findCustomerUserByEmail(tx, m.from.address.trim());
    const trusted = sender?.active && sender.supportContact ? sender : null;

    // Machine mail is kept but never acted on: an out-of-office answer to our acknowledgement must
    // neither reopen a ticket nor be answered (mail loops).
    if (automated || !trusted) {
      const reason: HeldReason = automated ? "AUTOMATED" : sender?.active ? "NOT_AUTHORISED" : "UNKNOWN_SENDER";
      await recordInboundEmailOutcome(tx, id, { outcome: "HELD", heldReason: reason, customerId: sender?.active ? sender.customerId : null });
      if (!automated) await answerUnrecognisedSender(tx, m.from.address.trim(), sender, subject, now);
      return done("HELD", null, reason);
    }

    const ticket = await repliedTicket(tx, trusted.customerId, subject, references);
    if (ticket) {
      await insertTicketMessage(tx, {
        ticketId: ticket.id,
        authorKind: "CUSTOMER",
        authorId: trusted.id,
        fromAddress: m.from.address.trim(),
        body: stripQuotedHistory(text) || subject,
        createdAt: receivedAt,
      });
      await reopenTicket(tx, ticket.id);
      await notifyCustomerReply(tx, settings, ticket, id, now);
      await recordInboundEmailOutcome(tx, id, { outcome: "REPLY_ADDED", customerId: trusted.customerId, ticketId: ticket.id });
      return done("REPLY_ADDED", ticket.id);
    }

    const locale = localeOf(trusted);
    const opened = await openTicketWithin(
      tx,
      {
        customerId: trusted.customerId,
        subject: subject || translatorFor(locale)("supportInbox.noSubject"),
        body: text.trim() || subject,
        urgency,
        source: "EMAIL",
        requesterId: trusted.id,
        // The address on their account: the one written may differ in case only.
        requesterEmail: trusted.email,
        authorKind: "CUSTOMER",
        authorId: trusted.id,
        receivedAt,
      },
      now,
    );
    await sendAcknowledgement(tx, { to: trusted.email, locale, ticketId: opened.ticketId, reference: ticketReference(opened.number), subject: subject || translatorFor(locale)("supportInbox.noSubject"), urgency }, now);
    await recordInboundEmailOutcome(tx, id, { outcome: "TICKET_OPENED", customerId: trusted.customerId, ticketId: opened.ticketId });
    return done("TICKET_OPENED", opened.ticketId);
  });
}

const localeOf = (user: { locale: string } | null): Locale => (user && isLocale(user.locale) ? user.locale : "en");

/** The ticket a message answers, of the sender's company only: by its "[T-n]" tag, else by its references. */
async function repliedTicket(tx: Db, customerId: string, subject: string, references: string[]) {
  const number = ticketNumberInSubject(subject);
  const byNumber = number ? await findCompanyTicketByNumber(tx, customerId, number) : null;
  return byNumber ?? findCompanyTicketByMessageIds(tx, customerId, references);
}

/**
 * The polite answer to a sender we may not open tickets for: received, staff will look at it, and
 * how to become an authorised contact. At most one a day per address, so a flood of spam (or a
 * loop with another robot that ignores Auto-Submitted) gets one answer, not thousands.
 */
async function answerUnrecognisedSender(tx: Db, to: string, sender: SenderRow | null, subject: string, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await enqueueEmail(
    tx,
    to,
    localeOf(sender),
    { template: "supportSenderNotRecognised", params: { subject: subject || "—", link: `${appUrl()}/portal` } },
    `support-held-answer:${normaliseAddress(to)}:${day}`,
    now,
  );
}
