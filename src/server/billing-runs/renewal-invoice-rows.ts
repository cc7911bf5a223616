import { randomUUID } from "node:crypto";
import { type CalendarDate, compareDates, parts } from "@/domain/billing/calendar-date";
import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { statusAfterSettlement, transitionInvoice } from "@/domain/billing/invoice-state";
import { lineNetMinor, quantityToDecimalString } from "@/domain/billing/quantity";
import type { IssueRenewal } from "@/domain/billing/schedule-model";
import { computeDocumentTotals } from "@/domain/billing/tax";
import { isLocale, type Locale } from "@/domain/i18n/locales";
import type {
  EmailRow,
  IssuedInvoiceRow,
  LineRow,
  TaxLineRow,
} from "@/server/billing-runs/billing-batch-repository";
import type { InvoicingCustomer } from "@/server/billing-runs/billing-batch-repository";
import { minorFromDb, minorToDb, quantityFromDb } from "@/server/billing/ledger-values";
import { appUrl } from "@/server/config";
import { trackingFor } from "@/server/mail/enqueue-email";
import { renderEmail } from "@/server/mail/render-email";

/**
 * The rows of renewal invoices for the batch path, computed as issueInvoiceInTransaction does for one
 * (lines from the subscriptions, totals per tax rate, due never before issue, a zero total issued
 * PAID, the buyer as printed), and the e-mails of the renewal and reminder templates, rendered as
 * enqueueEmail does.
 */

export interface RenewalSubscription {
  id: string;
  description: string;
  productId: string;
  quantity: { toString(): string };
  unitAmountMinor: bigint;
  taxRateBp: number;
  currency: string;
}

export type Contact = InvoicingCustomer;

/** An invoice to issue before it has its number. */
export type UnnumberedInvoice = Omit<IssuedInvoiceRow, "number"> & { year: number };

export function renewalInvoiceRows(
  id: string,
  a: IssueRenewal,
  subs: Map<string, RenewalSubscription>,
  contact: Contact,
) {
  const lines: LineRow[] = a.lines.map((l, i) => {
    const s = subs.get(l.subscriptionId);
    if (!s) throw new Error(`subscription ${l.subscriptionId} is gone`);
    const quantity = quantityFromDb(s.quantity);
    return {
      invoiceId: id,
      position: i + 1,
      description: s.description,
      productId: s.productId,
      subscriptionId: s.id,
      quantity: quantityToDecimalString(quantity),
      unitAmountMinor: s.unitAmountMinor,
      netMinor: minorToDb(lineNetMinor(minorFromDb(s.unitAmountMinor), quantity)),
      taxRateBp: s.taxRateBp,
      periodStart: l.period.start,
      periodEnd: l.period.end,
    };
  });
  const totals = computeDocumentTotals(
    lines.map((l) => ({ netMinor: minorFromDb(l.netMinor), taxRateBp: l.taxRateBp })),
  );
  // issueInvoiceInTransaction refuses these; the batch leaves them to it (and its error) by throwing.
  if (lines.length === 0 || totals.grossMinor < 0) throw new Error(`renewal ${a.key} cannot be issued`);
  const taxLines: TaxLineRow[] = totals.groups.map((g) => ({
    invoiceId: id,
    taxRateBp: g.taxRateBp,
    netMinor: minorToDb(g.netMinor),
    taxMinor: minorToDb(g.taxMinor),
  }));
  // Due on the renewal date, never before the day it is issued (a held-back renewal issued late).
  const dueDate = compareDates(a.dueDate, a.issueDate) < 0 ? a.issueDate : a.dueDate;
  const status = statusAfterSettlement(transitionInvoice("DRAFT", "issue"), {
    grossMinor: totals.grossMinor,
    paidMinor: 0,
    creditedMinor: 0,
  });
  const invoice: UnnumberedInvoice = {
    id,
    customerId: a.customerId,
    currency: subs.get(a.lines[0]?.subscriptionId ?? "")?.currency ?? "EUR",
    status: status === "PAID" ? "PAID" : "OPEN",
    year: parts(a.issueDate).year,
    issueDate: a.issueDate,
    dueDate,
    netMinor: minorToDb(totals.netMinor),
    taxMinor: minorToDb(totals.taxMinor),
    grossMinor: minorToDb(totals.grossMinor),
    buyer: {
      name: contact.legalName,
      addressLines: [
        contact.addressLine1,
        contact.addressLine2,
        `${contact.postalCode} ${contact.city}`.trim(),
        contact.country,
      ].filter(Boolean),
      taxId: contact.taxId,
      email: contact.billingEmail,
    },
  };
  return { invoice, lines, taxLines };
}

/** The renewal or reminder e-mail of an invoice, in the customer's language, keyed like the single path. */
export function invoiceEmailRow(
  template: "renewalInvoice" | "paymentReminder",
  contact: Contact,
  invoice: {
    id: string;
    number: string | null;
    currency: string;
    owedMinor: number;
    dueDate: CalendarDate | null;
  },
  dedupeKey: string,
  senderName: string,
  /** The customer's default method when autopay will charge this renewal (ADR 0019). */
  autopayMethod?: string,
): EmailRow {
  const locale: Locale = isLocale(contact.locale) ? contact.locale : "fr";
  const params = {
    customerName: contact.legalName,
    number: invoice.number ?? "",
    amount: fmtMoney(invoice.owedMinor, invoice.currency, locale),
    dueDate: fmtDate(invoice.dueDate, locale),
    link: `${appUrl()}/portal/invoices/${invoice.id}`,
    ...(template === "renewalInvoice" && autopayMethod ? { autopayMethod } : {}),
  };
  // As the single path (apply-scheduled-action.ts, emailInvoice): tracked, with the invoice PDF
  // rendered at delivery (ADR 0017), and the link is the page where the invoice is paid.
  const id = randomUUID();
  const rendered = renderEmail({ template, params }, locale, senderName, trackingFor(id, params.link));
  const attachments = [{ kind: "INVOICE_PDF" as const, invoiceId: invoice.id, filename: `${(invoice.number ?? invoice.id).replace(/[^\w.-]/g, "_")}.pdf` }];
  return { id, invoiceId: invoice.id, attachments, dedupeKey, toAddress: contact.billingEmail, locale, template, ...rendered };
}
