import type { CalendarDate } from "@/domain/billing/calendar-date";
import { amountDue, isOverdue } from "@/domain/billing/invoice-state";
import type { InvoiceDetail, InvoiceListItem } from "@/contracts/invoice-views";
import type { InvoiceStatus, Prisma } from "@/generated/prisma/client";
import { dateFromDb, minorFromDb, optionalDateFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/**
 * Reads of the invoice ledger for pages, PDFs and the API. Every function takes a scope: a customer
 * user's scope always carries their company id, so another company's invoice is simply not found.
 */
export type LedgerScope = { customerId: string } | { staff: true };
const scoped = (scope: LedgerScope) => ("customerId" in scope ? { customerId: scope.customerId } : {});
/** Customers never see drafts. */
const visible = (scope: LedgerScope): Prisma.InvoiceWhereInput => ("customerId" in scope ? { status: { not: "DRAFT" } } : {});

export interface InvoiceListFilters {
  /** OVERDUE: open, due before `today`, something left to pay (`isOverdue`). */
  status?: InvoiceStatus | "OVERDUE";
  /** The calendar day the OVERDUE filter compares due dates with (the customer's today). */
  today?: CalendarDate;
  search?: string;
  issuedFrom?: CalendarDate;
  issuedTo?: CalendarDate;
  customerId?: string;
}

/**
 * The status filter. OVERDUE is `isOverdue` in SQL: status OPEN and due_date < today and
 * gross - paid - credited > 0. Prisma cannot compare a column sum, but the ledger keeps the last
 * term true for every OPEN row: issuing and every settlement move a zero balance to PAID
 * (`statusAfterSettlement`), and a CHECK keeps paid + credited <= gross; so "OPEN" is enough here.
 */
function statusWhere(f: InvoiceListFilters): Prisma.InvoiceWhereInput {
  if (f.status === "OVERDUE") return { status: "OPEN", dueDate: { lt: new Date(`${f.today ?? "9999-12-31"}T00:00:00Z`) } };
  return f.status ? { status: f.status } : {};
}

function listWhere(scope: LedgerScope, f: InvoiceListFilters): Prisma.InvoiceWhereInput {
  return {
    ...scoped(scope),
    // AND, not a spread: a status filter must narrow what the scope may see, never replace it
    // (`?status=DRAFT` once showed customers their company's drafts).
    AND: [visible(scope), statusWhere(f)],
    ...(f.customerId && !("customerId" in scope) ? { customerId: f.customerId } : {}),
    ...(f.search ? { number: { contains: f.search, mode: "insensitive" } } : {}),
    ...(f.issuedFrom || f.issuedTo
      ? { issueDate: { ...(f.issuedFrom ? { gte: new Date(`${f.issuedFrom}T00:00:00Z`) } : {}), ...(f.issuedTo ? { lte: new Date(`${f.issuedTo}T00:00:00Z`) } : {}) } }
      : {}),
  };
}

/** Paid and credited amounts of a row, and what is left to pay. */
function settlement(r: { status: InvoiceStatus; grossMinor: bigint; paidMinor: bigint; creditedMinor: bigint }) {
  const amounts = { grossMinor: minorFromDb(r.grossMinor), paidMinor: minorFromDb(r.paidMinor), creditedMinor: minorFromDb(r.creditedMinor) };
  return { amounts, balanceMinor: amountDue(r.status, amounts) };
}

/** One page of invoices, newest first: two queries whatever the page size. */
export async function listInvoices(db: Db, scope: LedgerScope, filters: InvoiceListFilters, page: { take: number; skip: number }) {
  const where = listWhere(scope, filters);
  const [rows, total] = await Promise.all([
    db.invoice.findMany({
      where,
      orderBy: [{ issueDate: { sort: "desc", nulls: "first" } }, { number: "desc" }, { createdAt: "desc" }],
      take: page.take,
      skip: page.skip,
      include: { customer: { select: { legalName: true } } },
    }),
    db.invoice.count({ where }),
  ]);
  const items: InvoiceListItem[] = rows.map((r) => {
    const { amounts, balanceMinor } = settlement(r);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      customerId: r.customerId,
      customerName: r.customer.legalName,
      currency: r.currency,
      issueDate: optionalDateFromDb(r.issueDate),
      dueDate: optionalDateFromDb(r.dueDate),
      grossMinor: amounts.grossMinor,
      balanceMinor,
    };
  });
  return { items, total };
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

/** The portal home's figures: what is due, what is late (as of the customer's today). */
export async function customerBalanceSummary(db: Db, customerId: string, today: CalendarDate) {
  const open = await db.invoice.findMany({
    where: { customerId, status: "OPEN" },
    select: { status: true, currency: true, grossMinor: true, paidMinor: true, creditedMinor: true, dueDate: true },
  });
  const byCurrency = new Map<string, { dueMinor: number; overdueMinor: number; overdueCount: number }>();
  for (const i of open) {
    const { amounts, balanceMinor: balance } = settlement(i);
    const entry = byCurrency.get(i.currency) ?? { dueMinor: 0, overdueMinor: 0, overdueCount: 0 };
    entry.dueMinor += balance;
    if (isOverdue(i.status, optionalDateFromDb(i.dueDate), today, amounts)) {
      entry.overdueMinor += balance;
      entry.overdueCount += 1;
    }
    byCurrency.set(i.currency, entry);
  }
  return [...byCurrency.entries()].map(([currency, v]) => ({ currency, ...v }));
}
