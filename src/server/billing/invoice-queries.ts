
import { amountDue } from "@/domain/billing/invoice-state";
import type { InvoiceDetail } from "@/contracts/invoice-views";
import type { InvoiceStatus, Prisma } from "@/generated/prisma/client";
import { dateFromDb, minorFromDb, optionalDateFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";
import type { LedgerScope } from "@/server/billing/invoice-list";

export type { LedgerScope };

/**
 * Reads of the invoice ledger for pages, PDFs and the API. Every function takes a scope: a customer
 * user's scope always carries their company id, so another company's invoice is simply not found.
 */
const scoped = (scope: LedgerScope) => ("customerId" in scope ? { customerId: scope.customerId } : {});
/** Customers never see drafts. */
const visible = (scope: LedgerScope): Prisma.InvoiceWhereInput => ("customerId" in scope ? { status: { not: "DRAFT" } } : {});

/** Paid and credited amounts of a row, and what is left to pay. */
function settlement(r: { status: InvoiceStatus; grossMinor: bigint; paidMinor: bigint; creditedMinor: bigint }) {
  const amounts = { grossMinor: minorFromDb(r.grossMinor), paidMinor: minorFromDb(r.paidMinor), creditedMinor: minorFromDb(r.creditedMinor) };
  return { amounts, balanceMinor: amountDue(r.status, amounts) };
}

/** An invoice with everything its page shows, in one round trip of parallel queries. */
export async function findInvoiceDetail(db: Db, scope: LedgerScope, invoiceId: string): Promise<InvoiceDetail | null> {
  const r = await db.invoice.findFirst({
    where: { id: invoiceId, ...scoped(scope), ...visible(scope) },
    include: {
      customer: { select: { id: true, legalName: true, locale: true } },
      lines: { orderBy: { position: "asc" } },
      taxLines: { orderBy: { taxRateBp: "asc" } },
      payments: { orderBy: { receivedOn: "asc" } },
      creditNotes: { orderBy: { createdAt: "asc" } },
      purchaseOrder: { select: { number: true } },
    },
  });
  if (!r) return null;
  const { amounts, balanceMinor } = settlement(r);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    currency: r.currency,
    customer: r.customer,
    buyer: (r.buyer as InvoiceDetail["buyer"]) ?? null,
    issueDate: optionalDateFromDb(r.issueDate),
    dueDate: optionalDateFromDb(r.dueDate),
    netMinor: minorFromDb(r.netMinor),
    taxMinor: minorFromDb(r.taxMinor),
    ...amounts,
    balanceMinor,
    notes: r.notes,
    lines: r.lines.map((l) => ({
      id: l.id,
      position: l.position,
      description: l.description,
      quantity: String(quantityFromDb(l.quantity) / 1000),
      unitAmountMinor: minorFromDb(l.unitAmountMinor),
      netMinor: minorFromDb(l.netMinor),
      taxRateBp: l.taxRateBp,
      period: l.periodStart && l.periodEnd ? { start: dateFromDb(l.periodStart), end: dateFromDb(l.periodEnd) } : null,
    })),
    taxLines: r.taxLines.map((t) => ({ taxRateBp: t.taxRateBp, netMinor: minorFromDb(t.netMinor), taxMinor: minorFromDb(t.taxMinor) })),
    payments: r.payments.map((p) => ({ id: p.id, amountMinor: minorFromDb(p.amountMinor), method: p.method, reference: p.reference, receivedOn: dateFromDb(p.receivedOn) })),
    creditNotes: r.creditNotes.map((c) => ({ id: c.id, number: c.number, issueDate: dateFromDb(c.issueDate), grossMinor: minorFromDb(c.grossMinor), reason: c.reason })),
    purchaseOrderNumber: r.purchaseOrder?.number ?? null,
  };
}

/** The seller stored on an invoice when it was issued (JSON, checked by `parseSellerSnapshot`); null on a draft. */
export async function findInvoiceSellerJson(db: Db, invoiceId: string): Promise<unknown> {
  const row = await db.invoice.findUnique({ where: { id: invoiceId }, select: { seller: true } });
  return row?.seller ?? null;
}
