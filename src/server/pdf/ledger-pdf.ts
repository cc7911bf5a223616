import { readFileSync } from "node:fs";
import path from "node:path";
import { fmtDate, fmtMoney, fmtPeriod, fmtQuantity, fmtRate } from "@/domain/billing/display-format";
import { isLocale, type Locale } from "@/domain/i18n/locales";
import { formatIban } from "@/domain/settings/bank-details";
import type { CreditNoteDetail } from "@/contracts/credit-note-views";
import type { InvoiceDetail } from "@/contracts/invoice-views";
import { creditNoteSeller, invoiceSeller } from "@/server/billing/document-seller";
import type { SellerSnapshot } from "@/server/billing/seller-snapshot";
import type { Db } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";
import { type InvoicePdfData, type PdfParty, renderInvoicePdf } from "@/server/pdf/render-invoice-pdf";
import { type CompanySettingsRecord, getCompanySettings, sellerParty } from "@/server/settings/get-company-settings";

type Translate = ReturnType<typeof translatorFor>;

/** PDFs are written in the customer's language, whoever downloads them. */
export function labelsFor(t: Translate, kind: "invoice" | "creditNote"): InvoicePdfData["labels"] {
  const b = (k: string) => t(`billing.${k}` as "billing.invoice");
  return {
    title: kind === "invoice" ? b("invoice") : b("creditNote"),
    number: b("number"), issueDate: b("issueDate"), dueDate: b("dueDate"), seller: b("seller"), buyer: b("buyer"), description: b("description"),
    quantity: b("quantity"), unitPrice: b("unitPrice"), taxRate: b("taxRate"), net: b("net"), taxBreakdown: b("taxBreakdown"),
    taxBase: b("pdf.taxBase"), taxAmount: b("pdf.taxAmount"), totalNet: b("totalNet"), totalTax: b("totalTax"), totalGross: b("totalGross"),
    amountDue: b("amountDue"), status: b("status"), correctsInvoice: b("correctsInvoice"), taxId: b("taxId"), page: b("page"),
    purchaseOrder: b("pdf.purchaseOrder"), reason: b("reason"), draft: b("pdf.draft"), draftNotice: b("pdf.draftNotice"), paymentDetails: b("pdf.paymentDetails"),
  };
}

export const localeOf = (l: string): Locale => (isLocale(l) ? l : "en");

/**
 * The app's default logo (public/logo.png), drawn until an admin uploads the company's own.
 * Read from the working directory like the fonts; a missing file just means no logo.
 */
let defaultLogo: Buffer | null | undefined;
export function logoOf(company: CompanySettingsRecord): Buffer | null {
  if (company.logo) return Buffer.from(company.logo);
  if (defaultLogo === undefined) {
    try {
      defaultLogo = readFileSync(path.join(process.cwd(), "public", "logo.png"));
    } catch {
      defaultLogo = null;
    }
  }
  return defaultLogo;
}

/** The seller block, from the seller the document states (its snapshot, or the settings for a draft). */
export function seller(identity: SellerSnapshot, t: Translate): PdfParty {
  const s = sellerParty(identity);
  return {
    ...s,
    registrationNumber: s.registrationNumber ? t("billing.pdf.registrationNumber", { value: s.registrationNumber }) : null,
    phone: s.phone ? t("billing.pdf.phone", { value: s.phone }) : null,
  };
}

/** Bank details then instructions, as customers copy them into their banking app. */
function paymentDetails(identity: SellerSnapshot, t: Translate): string[] {
  const lines: string[] = [];
  if (identity.iban) lines.push(`IBAN ${formatIban(identity.iban)}${identity.bic ? `    BIC ${identity.bic}` : ""}`);
  if (identity.accountNumber) lines.push(t("billing.pdf.accountNumber", { value: identity.accountNumber }));
  if (identity.routingNumber) lines.push(t("billing.pdf.routingNumber", { value: identity.routingNumber }));
  if (identity.paymentInstructions) lines.push(identity.paymentInstructions);
  return lines;
}

/** Mentions a late-paying business customer must have been told of (France: art. L441-10 C. com.). */
export function legalMentions(identity: SellerSnapshot, t: Translate, locale: Locale): string[] {
  const out: string[] = [];
  if (identity.latePenaltyRateBp !== null) out.push(t("billing.pdf.latePenalty", { rate: fmtRate(identity.latePenaltyRateBp, locale) }));
  if (identity.recoveryIndemnity) out.push(t("billing.pdf.recoveryIndemnity", { amount: fmtMoney(4000, "EUR", locale) }));
  if (identity.legalMentions) out.push(identity.legalMentions);
  return out;
}

/** Payments and credit notes in date order, each subtracted, so total − settlements = amount due. */
function settlements(invoice: InvoiceDetail, t: Translate, locale: Locale) {
  const minus = (v: number) => fmtMoney(-v, invoice.currency, locale);
  const rows = [
    ...invoice.payments.map((p) => ({
      on: p.receivedOn,
      label: p.reference
        ? t("billing.pdf.paymentLineWithReference", { date: fmtDate(p.receivedOn, locale), reference: p.reference })
        : t("billing.pdf.paymentLine", { date: fmtDate(p.receivedOn, locale) }),
      amount: minus(p.amountMinor),
    })),
    ...invoice.creditNotes.map((c) => ({ on: c.issueDate, label: t("billing.pdf.creditNoteLine", { number: c.number, date: fmtDate(c.issueDate, locale) }), amount: minus(c.grossMinor) })),
  ];
  return rows.sort((a, b) => a.on.localeCompare(b.on)).map(({ label, amount }) => ({ label, amount }));
}

/** An invoice: a draft names the seller as the settings are now, an issued one as it was issued. */
export async function invoicePdf(db: Db, invoice: InvoiceDetail): Promise<Buffer> {
  const company = await getCompanySettings(db);
  const identity = await invoiceSeller(db, invoice, company);
  const locale = localeOf(invoice.customer.locale);
  const t = translatorFor(locale);
  const m = (v: number) => fmtMoney(v, invoice.currency, locale);
  const draft = invoice.status === "DRAFT";
  return renderInvoicePdf({
    kind: "invoice",
    labels: labelsFor(t, "invoice"),
    number: draft ? null : invoice.number,
    draft,
    issueDate: fmtDate(invoice.issueDate, locale),
    dueDate: fmtDate(invoice.dueDate, locale),
    status: t(`billing.statuses.${invoice.status}` as "billing.statuses.OPEN"),
    purchaseOrder: invoice.purchaseOrderNumber,
    seller: seller(identity, t),
    buyer: invoice.buyer ?? { name: invoice.customer.legalName, addressLines: [] },
    logo: logoOf(company),
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
    settlements: settlements(invoice, t, locale),
    // Invoices made from a purchase order carry its number as their note; it is printed labelled above.
    notes: invoice.notes && invoice.notes !== invoice.purchaseOrderNumber ? invoice.notes : null,
    paymentDetails: draft || invoice.balanceMinor > 0 || invoice.status === "OPEN" ? paymentDetails(identity, t) : [],
    legalMentions: legalMentions(identity, t, locale),
    footer: identity.footerText || null,
  });
}

/** A credit note names the seller frozen when it was created. */
export async function creditNotePdf(db: Db, note: CreditNoteDetail): Promise<Buffer> {
  const company = await getCompanySettings(db);
  const identity = await creditNoteSeller(db, note, company);
  const locale = localeOf(note.customerLocale);
  const t = translatorFor(locale);
  const m = (v: number) => fmtMoney(v, note.currency, locale);
  return renderInvoicePdf({
    kind: "creditNote",
    labels: labelsFor(t, "creditNote"),
    number: note.number,
    issueDate: fmtDate(note.issueDate, locale),
    reason: note.reason,
    correctsInvoice: note.invoice.number,
    seller: seller(identity, t),
    buyer: note.buyer ?? { name: note.customerName, addressLines: [] },
    logo: logoOf(company),
    lines: note.lines.map((l) => ({ description: l.description, quantity: "1", unitPrice: m(l.netMinor), net: m(l.netMinor), taxRate: fmtRate(l.taxRateBp, locale), period: l.period ? t("billing.periodLine", { period: fmtPeriod(l.period, locale) }) : null })),
    taxLines: note.taxLines.map((g) => ({ rate: fmtRate(g.taxRateBp, locale), net: m(g.netMinor), tax: m(g.taxMinor) })),
    totals: { net: m(note.netMinor), tax: m(note.taxMinor), gross: m(note.grossMinor) },
    footer: identity.footerText || null,
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
