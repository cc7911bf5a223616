import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { isLocale } from "@/domain/i18n/locales";
import { dateFromDb } from "@/server/billing/ledger-values";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { invoiceEmailFacts } from "@/server/support/banks/hour-bank-repository";

/**
 * Sends an issued support invoice (a bank's purchase, or time billed) to the customer's billing
 * address, with its PDF and a tracked link to the portal page where it is paid, like a renewal.
 */
export async function emailSupportInvoice(tx: Db, invoiceId: string, dedupeKey: string, now: Date): Promise<void> {
  const f = await invoiceEmailFacts(tx, invoiceId);
  const locale = isLocale(f.customer.locale) ? f.customer.locale : "fr";
  const params = {
    customerName: f.customer.legalName,
    number: f.number ?? "",
    amount: fmtMoney(f.owedMinor, f.currency, locale),
    dueDate: fmtDate(f.dueDate ? dateFromDb(f.dueDate) : null, locale),
    link: `${appUrl()}/portal/invoices/${invoiceId}`,
  };
  const attachment = { kind: "INVOICE_PDF" as const, invoiceId, filename: `${(f.number ?? invoiceId).replace(/[^\w.-]/g, "_")}.pdf` };
  await enqueueEmail(tx, f.customer.billingEmail, locale, { template: "supportInvoice", params }, dedupeKey, now, { invoiceId, attachments: [attachment] });
}
