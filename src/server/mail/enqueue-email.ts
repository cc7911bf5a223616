import type { Locale } from "@/domain/i18n/locales";
import type { Db } from "@/server/db/types";
import { insertOutboundEmail } from "@/server/mail/outbox-repository";
import { type EmailMessage, renderEmail } from "@/server/mail/render-email";
import { smtpTransport } from "@/server/mail/transport";
import { getCompanySettings } from "@/server/settings/get-company-settings";

/**
 * Writes an e-mail to the outbox inside the caller's transaction, so it exists if and only if the
 * state change that caused it commits. `dedupeKey` makes a retried use-case write it only once.
 */
export async function enqueueEmail(
  db: Db,
  to: string,
  locale: Locale,
  message: EmailMessage,
  dedupeKey: string,
  now: Date,
): Promise<void> {
  // The sender's name is the provider's legal name from Settings → Company.
  const { legalName } = await getCompanySettings(db);
  const rendered = renderEmail(message, locale, legalName);
  await insertOutboundEmail(db, {
    dedupeKey,
    toAddress: to,
    locale,
    template: message.template,
    ...rendered,
    status: smtpTransport() ? "PENDING" : "CAPTURED",
    createdAt: now,
  });
}
