import { attachmentsOf } from "@/contracts/email-evidence";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import type { Db, RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { claimPendingEmail, markEmailAttemptFailed, markEmailSent } from "@/server/mail/outbox-repository";
import { headersForTemplate } from "@/server/mail/render-email";
import { type MailAttachment, type MailTransport, smtpTransport } from "@/server/mail/transport";
import { invoicePdf } from "@/server/pdf/ledger-pdf";

/** After this many failed attempts an e-mail is FAILED, for an admin to see at /staff/outbox. */
export const MAX_EMAIL_ATTEMPTS = 5;

/**
 * What one delivery attempt did: `sent`; `retry` (it failed and was recorded, try again later);
 * `failed` (it failed for the last time: the row is now FAILED); `skipped` (nothing to do: the e-mail
 * is no longer pending, another worker holds it, or there is no SMTP server to send it to).
 */
export type DeliveryOutcome = "sent" | "retry" | "failed" | "skipped";

/**
 * The attachments of an e-mail, rendered now from what the row names (ADR 0017): the invoice PDF is
 * printed from the invoice as it is at delivery (an issued invoice is frozen, so it is the document
 * the customer was billed with; only the amount-due line reflects payments since). A missing
 * invoice is an error like any other failed attempt.
 */
async function renderAttachments(tx: Db, stored: unknown): Promise<MailAttachment[]> {
  const out: MailAttachment[] = [];
  for (const a of attachmentsOf(stored)) {
    const invoice = await findInvoiceDetail(tx, { staff: true }, a.invoiceId);
    if (!invoice) throw new Error(`attachment: invoice ${a.invoiceId} not found`);
    out.push({
      filename: a.filename,
      content: await invoicePdf(tx, invoice),
      contentType: "application/pdf",
    });
  }
  return out;
}

/**
 * Sends one outbox e-mail. The row is claimed with SKIP LOCKED inside a transaction, so two workers
 * never send the same message; every attempt is counted on the row (`attempts`, `last_error`), which
 * stays the source of truth: after MAX_EMAIL_ATTEMPTS failures it is FAILED. The caller (the delivery
 * job) decides when to try again; the failure is committed before it returns.
 */
export async function deliverOutboxEmail(
  db: RootDb,
  emailId: string,
  now: () => Date = () => new Date(),
  transport: MailTransport | null = smtpTransport(),
): Promise<DeliveryOutcome> {
  if (!transport) return "skipped";
  return db.$transaction(
    async (tx) => {
      const row = await claimPendingEmail(tx, emailId);
      if (!row) return "skipped";
      try {
        const attachments = await renderAttachments(tx, row.attachments);
        const receipt = await transport.send({
          to: row.to_address,
          subject: row.subject,
          html: row.html,
          text: row.text,
          attachments,
          headers: headersForTemplate(row.template),
        });
        await markEmailSent(tx, row.id, now(), receipt?.response ?? null);
        return "sent";
      } catch (e) {
        const giveUp = row.attempts + 1 >= MAX_EMAIL_ATTEMPTS;
        logger.warn(
          { emailId: row.id, attempt: row.attempts + 1, err: (e as Error).message },
          "e-mail delivery failed",
        );
        await markEmailAttemptFailed(tx, row.id, (e as Error).message, giveUp);
        return giveUp ? "failed" : "retry";
      }
    },
    { timeout: 60_000 },
  );
}
