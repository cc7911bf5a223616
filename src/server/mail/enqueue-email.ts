import { randomUUID } from "node:crypto";
import type { TEmailAttachment } from "@/contracts/email-evidence";
import type { Locale } from "@/domain/i18n/locales";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { insertOutboundEmail } from "@/server/mail/outbox-repository";
import { type EmailMessage, type EmailTracking, renderEmail } from "@/server/mail/render-email";
import { signTrackingToken } from "@/server/mail/tracking-token";
import { smtpTransport } from "@/server/mail/transport";
import { getCompanySettings } from "@/server/settings/get-company-settings";

export interface EnqueueOptions {
  /** The invoice the e-mail is about: it shows on the invoice's timeline and is tracked (ADR 0017). */
  invoiceId?: string;
  /** Rendered when the e-mail is delivered, never stored as bytes. */
  attachments?: TEmailAttachment[];
}

/**
 * The tracked URLs of an invoice e-mail: its link through the signed redirect, when that link is a
 * page of this app (never anything else), and the open pixel. No secret configured: no tracking.
 */
export function trackingFor(emailId: string, link: string): EmailTracking | undefined {
  const base = appUrl();
  if (!link.startsWith(`${base}/`)) return undefined;
  const click = signTrackingToken({ kind: "click", emailId, path: link.slice(base.length) });
  const open = signTrackingToken({ kind: "open", emailId });
  if (!click || !open) return undefined;
  return { link: `${base}/e/c/${click}`, pixel: `${base}/e/o/${open}.gif` };
}

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
  options: EnqueueOptions = {},
): Promise<void> {
  // The sender's name is the provider's legal name from Settings → Company.
  const { legalName } = await getCompanySettings(db);
  // The id is chosen here because the tracked links carry it; a duplicate (same dedupe key) is dropped.
  const id = randomUUID();
  const tracking = options.invoiceId ? trackingFor(id, message.params.link) : undefined;
  const rendered = renderEmail(message, locale, legalName, tracking);
  await insertOutboundEmail(db, {
    id,
    dedupeKey,
    toAddress: to,
    locale,
    template: message.template,
    ...rendered,
    status: smtpTransport() ? "PENDING" : "CAPTURED",
    createdAt: now,
    invoiceId: options.invoiceId ?? null,
    attachments: options.attachments ?? [],
  });
}
