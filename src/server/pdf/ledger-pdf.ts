import { isLocale, type Locale } from "@/domain/i18n/locales";
import { fmtDate, fmtMoney, fmtPeriod, fmtQuantity, fmtRate } from "@/domain/billing/display-format";
import type { CreditNoteDetail } from "@/server/billing/credit-note-queries";
import type { InvoiceDetail } from "@/server/billing/invoice-queries";
import { sellerIdentity } from "@/server/config";
import { translatorFor } from "@/server/i18n/translator";
import { type InvoicePdfData, renderInvoicePdf } from "@/server/pdf/render-invoice-pdf";

/** PDFs are written in the customer's language, whoever downloads them. */
function labelsFor(locale: Locale, kind: "invoice" | "creditNote"): InvoicePdfData["labels"] {
  const t = translatorFor(locale);
  const b = (k: string) => t(`billing.${k}` as "billing.invoice");
  return {
    title: kind === "invoice" ? b("invoice") : b("creditNote"),
    number: b("number"), issueDate: b("issueDate"), dueDate: b("dueDate"), seller: b("seller"), buyer: b("buyer"), description: b("description"),
    quantity: b("quantity"), unitPrice: b("unitPrice"), taxRate: b("taxRate"), net: b("net"), taxBreakdown: b("taxBreakdown"),
    totalNet: b("totalNet"), totalTax: b("totalTax"), totalGross: b("totalGross"), amountDue: b("amountDue"), status: b("status"),
    correctsInvoice: b("correctsInvoice"), taxId: b("taxId"), page: b("page"),
  };
}

const localeOf = (l: string): Locale => (isLocale(l) ? l : "en");

export function invoicePdf(invoice: InvoiceDetail): Promise<Buffer> {
  const locale = localeOf(invoice.customer.locale);
  const t = translatorFor(locale);
  const m = (v: number) => fmtMoney(v, invoice.currency, locale);
  return renderInvoicePdf({
    kind: "invoice",
    labels: labelsFor(locale, "invoice"),
    number: invoice.number ?? t("billing.draftNumber"),
    issueDate: fmtDate(invoice.issueDate, locale),
    dueDate: fmtDate(invoice.dueDate, locale),
    status: t(`billing.statuses.${invoice.status}` as "billing.statuses.OPEN"),
    seller: sellerIdentity(),
    buyer: invoice.buyer ?? { name: invoice.customer.legalName, addressLines: [] },
    lines: invoice.lines.map((l) => ({
      description: l.description,
      quantity: fmtQuantity(l.quantity, locale),
      unitPrice: m(l.unitAmountMinor),
      net: m(l.netMinor),
      taxRate: fmtRate(l.taxRateBp, locale),
      period: l.period ? t("billing.periodLine", { period: fmtPeriod(l.period, locale) }) : null,
    })),
    taxLines: invoice.taxLines.map((g) => ({ rate: fmtRate(g.taxRateBp, locale), net: m(g.netMinor), tax: m(g.taxMinor) })),
    totals: { net: m(invoice.netMinor), tax: m(invoice.taxMinor), gross: m(invoice.grossMinor), amountDue: m(invoice.balanceMinor) },
    notes: invoice.notes || null,
  });
}

export function creditNotePdf(note: CreditNoteDetail): Promise<Buffer> {
  const locale = localeOf(note.customerLocale);
  const t = translatorFor(locale);
  const m = (v: number) => fmtMoney(v, note.currency, locale);
  return renderInvoicePdf({
    kind: "creditNote",
    labels: labelsFor(locale, "creditNote"),
    number: note.number,
    issueDate: fmtDate(note.issueDate, locale),
    status: note.reason,
    correctsInvoice: note.invoice.number,
    seller: sellerIdentity(),
    buyer: note.buyer ?? { name: note.customerName, addressLines: [] },
    lines: note.lines.map((l) => ({ description: l.description, quantity: "1", unitPrice: m(l.netMinor), net: m(l.netMinor), taxRate: fmtRate(l.taxRateBp, locale), period: l.period ? t("billing.periodLine", { period: fmtPeriod(l.period, locale) }) : null })),
    taxLines: note.taxLines.map((g) => ({ rate: fmtRate(g.taxRateBp, locale), net: m(g.netMinor), tax: m(g.taxMinor) })),
    totals: { net: m(note.netMinor), tax: m(note.taxMinor), gross: m(note.grossMinor) },
  });
}

/** PDFs are private documents: never cached by browsers or proxies. */
export function pdfResponse(pdf: Buffer, filename: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}.pdf"`,
      "Cache-Control": "no-store, private",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
