import { fmtDate, fmtMoney, fmtQuantity, fmtRate } from "@/domain/billing/display-format";
import type { Db } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";
import type { PurchaseOrderDto } from "@/contracts/order-views";
import { labelsFor, legalMentions, localeOf, logoOf, seller } from "@/server/pdf/ledger-pdf";
import { renderInvoicePdf } from "@/server/pdf/render-invoice-pdf";
import { sellerSnapshotOf } from "@/server/billing/seller-snapshot";
import { getCompanySettings } from "@/server/settings/get-company-settings";

/** The buyer block of an order: the customer as it stands today (an order freezes nothing). */
export interface OrderBuyer {
  name: string;
  addressLines: string[];
  taxId: string | null;
  email: string | null;
  locale: string;
}

/**
 * A purchase order as a PDF, laid out like the invoices (same seller block, logo, tax breakdown and
 * footer) in the customer's language: sent date and validity instead of issue and due dates, the
 * terms (validity, payment terms, the order's notes) under the totals.
 */
export async function orderPdf(db: Db, order: PurchaseOrderDto, buyer: OrderBuyer, expired: boolean): Promise<Buffer> {
  // An order freezes nothing (ADR 0011): it names the seller as the settings are now.
  const company = await getCompanySettings(db);
  const identity = sellerSnapshotOf(company);
  const locale = localeOf(buyer.locale);
  const t = translatorFor(locale);
  const m = (v: number) => fmtMoney(v, order.currency, locale);
  const day = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d);
  const terms = [
    order.status === "SENT" && order.validUntil && !expired ? t("orders.validityTerm", { date: fmtDate(order.validUntil, locale) }) : null,
    company.paymentTermsDays > 0 ? t("orders.paymentTerms", { days: company.paymentTermsDays }) : t("orders.paymentTermsOnReceipt"),
    order.status === "DECLINED" && order.declineReason ? `${t("orders.declineReason")}\n${order.declineReason}` : null,
    order.notes || null,
  ];
  return renderInvoicePdf({
    kind: "purchaseOrder",
    labels: { ...labelsFor(t, "invoice"), title: t("orders.order"), buyer: t("orders.customer"), issueDate: t("orders.sentOn"), dueDate: t("orders.validUntil") },
    // A draft order already has its number; its status says Draft (it is no invoice either way).
    number: order.number,
    issueDate: order.sentAt ? day(order.sentAt) : day(order.createdAt),
    dueDate: order.validUntil ? fmtDate(order.validUntil, locale) : null,
    status: t(`orders.statuses.${order.status}` as "orders.statuses.SENT"),
    seller: seller(identity, t),
    buyer: { name: buyer.name, addressLines: buyer.addressLines, taxId: buyer.taxId, email: buyer.email },
    logo: logoOf(company),
    lines: order.lines.map((l) => ({
      description: l.description,
      quantity: fmtQuantity(l.quantity, locale),
      unitPrice: m(l.unitAmountMinor),
      net: m(l.netMinor),
      taxRate: fmtRate(l.taxRateBp, locale),
      period: l.cycle ? t(`cycles.${l.cycle}` as "cycles.MONTHLY") : null,
    })),
    taxLines: order.taxLines.map((g) => ({ rate: fmtRate(g.taxRateBp, locale), net: m(g.netMinor), tax: m(g.taxMinor) })),
    totals: { net: m(order.totalNetMinor), tax: m(order.totalTaxMinor), gross: m(order.totalGrossMinor) },
    notesTitle: t("orders.terms"),
    notes: terms.filter(Boolean).join("\n"),
    legalMentions: legalMentions(identity, t, locale),
    footer: identity.footerText || null,
  });
}
