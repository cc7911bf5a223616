import type { Locale } from "@/domain/i18n/locales";
import { formatMessage, type MessageValues } from "@/server/i18n/compiled-messages";
import { formatDateTime, translatorFor } from "@/server/i18n/translator";

/** Billing e-mails name the invoice, its amount and due date (already formatted for the reader). */
interface InvoiceParams {
  customerName: string;
  number: string;
  amount: string;
  dueDate: string;
  link: string;
  /** A renewal invoice autopay will charge (ADR 0019): the default method, "Visa •••• 4242". */
  autopayMethod?: string;
}

/** Online payments name what was paid (invoice numbers, already joined), how much and with what. */
interface PaymentParams {
  customerName: string;
  invoices: string;
  amount: string;
  method: string;
  link: string;
}

export type EmailMessage =
  | {
      template: "invitation";
      params: { companyName: string; inviterName: string; link: string; expiresAt: Date };
    }
  | { template: "passwordReset"; params: { name: string; link: string; expiresAt: Date } }
  /** To the new billing address: the link that makes it take effect (issue 17). */
  | { template: "billingEmailConfirm"; params: { companyName: string; newAddress: string; link: string; expiresAt: Date } }
  /** To the current billing address: a change was asked for; `link` is the portal's settings, never the confirmation. */
  | { template: "billingEmailChangeRequested"; params: { companyName: string; newAddress: string; requester: string; link: string } }
  /** To the previous billing address once the new one is confirmed. */
  | { template: "billingEmailChanged"; params: { companyName: string; newAddress: string; link: string } }
  | { template: "renewalInvoice"; params: InvoiceParams }
  | { template: "paymentReminder"; params: InvoiceParams }
  | { template: "paymentReceipt"; params: PaymentParams }
  | { template: "paymentFailed"; params: PaymentParams }
  /** Autopay (ADR 0019): the charge failed, the next automatic attempt is on `nextAttempt`. */
  | { template: "autopayFailed"; params: PaymentParams & { nextAttempt: string } }
  /** Autopay's last attempt failed: only a payment by hand settles the invoice now. */
  | { template: "autopayFailedFinal"; params: PaymentParams }
  /** A secure message (ADR 0020): only a link to the thread, never its subject or content. */
  | { template: "secureMessage"; params: { link: string } }
  /** A secondary representative joined the company: its owner is told, with the group's message (issue 17). */
  | { template: "contactAdded"; params: { companyName: string; contactName: string; contactEmail: string; note: string; link: string } }
  /** Access requests (issue 17): the link back to a draft, and a rejection with its reason. */
  | { template: "accessRequestResume"; params: { name: string; link: string } }
  | { template: "accessRequestRejected"; params: { companyName: string; reason: string; link: string } }
  /** Support (issue 18): to the support staff who must answer a new ticket, with its response deadline. */
  | { template: "supportTicketOpened"; params: { reference: string; subject: string; urgency: "REGULAR" | "URGENT"; responseDueAt: Date; link: string } }
  /** Support e-mail intake: to the sender of a new request, its reference and the promised response time. */
  | { template: "supportAcknowledgement"; params: { reference: string; subject: string; urgency: "REGULAR" | "URGENT"; link: string } }
  /** Support e-mail intake: to a sender who is not an authorised contact; the message waits for staff. */
  | { template: "supportSenderNotRecognised"; params: { subject: string; link: string } }
  /** To the ticket's assignee (or the desk) when the customer replied, by e-mail or in the portal: a link and the reference only. */
  | { template: "supportCustomerReplied"; params: { reference: string; subject: string; link: string } }
  /** To the requester: a staff reply with its text; "[T-n]" in the subject threads an answer by e-mail back to the ticket. */
  | { template: "supportTicketReply"; params: { reference: string; subject: string; reply: string; link: string } }
  /** To the requester when a ticket closes: one link per score 1-5 (one click answers), `link` opens the survey. */
  | { template: "supportSurvey"; params: { reference: string; subject: string; link: string; scoreLinks: string[] } }
  /** Hour banks (issue 18): a bank's invoice or one billing support time, with its PDF. */
  | { template: "supportInvoice"; params: InvoiceParams }
  /** To a ticket's requester after each intervention: when, the time charged and the bank left (already formatted). */
  | { template: "supportIntervention"; params: { reference: string; subject: string; workDate: string; charged: string; balance: string; link: string } }
  /** To the company's primary contact when its banks cross a threshold of use (80 %, 95 %). */
  | { template: "supportLowBalance"; params: { companyName: string; percent: string; remaining: string; link: string } };

/**
 * Answers written by a machine to a message (RFC 3834): sent with `Auto-Submitted: auto-replied`, so
 * other robots (out-of-office replies, ticket systems) do not answer them back and loop.
 */
const AUTO_REPLIES: ReadonlySet<string> = new Set(["supportAcknowledgement", "supportSenderNotRecognised"] satisfies EmailMessage["template"][]);
export const headersForTemplate = (template: string): Record<string, string> | undefined =>
  AUTO_REPLIES.has(template) ? { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" } : undefined;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function valuesOf(message: EmailMessage, locale: Locale, productName: string): Record<string, string> {
  switch (message.template) {
    case "invitation":
      return {
        companyName: message.params.companyName,
        inviterName: message.params.inviterName,
        expires: formatDateTime(locale, message.params.expiresAt),
        productName,
      };
    case "passwordReset":
      return {
        name: message.params.name,
        expires: formatDateTime(locale, message.params.expiresAt),
        productName,
      };
    case "billingEmailConfirm":
      return {
        companyName: message.params.companyName,
        newAddress: message.params.newAddress,
        expires: formatDateTime(locale, message.params.expiresAt),
        productName,
      };
    case "billingEmailChangeRequested":
    case "billingEmailChanged": {
      const { link: _link, ...values } = message.params;
      return { ...values, productName };
    }
    case "contactAdded":
    case "supportIntervention":
    case "supportLowBalance": {
      const { link: _link, ...rest } = message.params;
      return { ...rest, productName };
    }
    case "supportTicketOpened":
      return {
        reference: message.params.reference,
        subject: message.params.subject,
        urgency: translatorFor(locale)(`email.supportTicketOpened.urgency${message.params.urgency}`),
        due: formatDateTime(locale, message.params.responseDueAt),
        productName,
      };
    case "supportAcknowledgement":
      return {
        reference: message.params.reference,
        subject: message.params.subject,
        promise: translatorFor(locale)(`email.supportAcknowledgement.promise${message.params.urgency}`),
        productName,
      };
    case "supportSenderNotRecognised":
      return { subject: message.params.subject, productName };
    case "supportCustomerReplied":
    // The reply's text and the score links are rendered apart (renderEmail), never as ICU values.
    case "supportTicketReply":
    case "supportSurvey":
      return { reference: message.params.reference, subject: message.params.subject, productName };
    default: {
      if ("autopayMethod" in message.params) {
        const { link: _link, autopayMethod, ...invoice } = message.params;
        return { ...invoice, productName, ...(autopayMethod ? { method: autopayMethod } : {}) };
      }
      const { link: _link, ...invoice } = message.params;
      return { ...invoice, productName };
    }
  }
}

/**
 * Evidence for an invoice e-mail (ADR 0017): the link the reader follows goes through the app's
 * signed redirect, and a 1x1 image reports the open. Both URLs are built by the caller.
 */
export interface EmailTracking {
  link: string;
  pixel: string;
}

/** Builds the HTML and plain-text bodies of an e-mail in the recipient's language. */
export function renderEmail(
  message: EmailMessage,
  locale: Locale,
  productName: string,
  tracking?: EmailTracking,
): RenderedEmail {
  const t = (key: string, values: MessageValues = {}) => formatMessage(locale, key, values);
  const link = tracking?.link ?? message.params.link;
  const values: Record<string, string> = valuesOf(message, locale, productName);
  const key = `email.${message.template}` as const;
  const subject = t(`${key}.subject`, values);
  // A renewal that autopay will charge says so, and with what, instead of asking to pay it.
  const autopay = message.template === "renewalInvoice" && Boolean(message.params.autopayMethod);
  const paragraphs = [t(`${key}.intro`, values), autopay ? t("email.renewalInvoice.actionAutopay", values) : t(`${key}.action`, values)];
  // A staff reply carries its text (between the intro and what to do); a survey, its five one-click scores.
  if (message.template === "supportTicketReply") paragraphs.splice(1, 0, message.params.reply);
  const scores = message.template === "supportSurvey" ? message.params.scoreLinks.map((href, i) => ({ href, label: t("email.supportSurvey.score", { score: i + 1 }) })) : [];
  const footer = t(`${key}.footer`, values);
  const cta = t(`${key}.button`, values);

  const text = [...paragraphs, ...scores.map((s) => `${s.label}: ${s.href}`), link, "", footer].join("\n\n");
  const escaped = [
    ...paragraphs.map((p) => (message.template === "supportTicketReply" ? `<p style="white-space:pre-wrap">${escapeHtml(p)}</p>` : `<p>${escapeHtml(p)}</p>`)),
    ...(scores.length > 0 ? [`<p>${scores.map((s) => `<a href="${escapeHtml(s.href)}" style="display:inline-block;border:1px solid #4338ca;color:#4338ca;padding:8px 12px;border-radius:6px;margin:0 4px 4px 0;text-decoration:none">${escapeHtml(s.label)}</a>`).join("")}</p>`] : []),
  ].join("\n");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1e293b;max-width:560px;margin:auto;padding:24px">
${escaped}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(cta)}</a></p>
<p style="font-size:12px;color:#64748b">${escapeHtml(link)}</p>
<p style="font-size:12px;color:#64748b">${escapeHtml(footer)}</p>
${tracking ? `<img src="${escapeHtml(tracking.pixel)}" width="1" height="1" alt="" style="border:0;width:1px;height:1px">` : ""}
</body></html>`;
  return { subject, html, text };
}
