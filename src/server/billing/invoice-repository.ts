import type { InvoiceStatus, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** Writes and locks of the invoice ledger. Reads for pages live in invoice-queries.ts. */

export interface NewInvoiceLine {
  position: number;
  description: string;
  productId: string | null;
  subscriptionId: string | null;
  quantity: string;
  unitAmountMinor: bigint;
  netMinor: bigint;
  taxRateBp: number;
  periodStart: Date | null;
  periodEnd: Date | null;
}

export async function insertDraftInvoice(
  db: Db,
  data: {
    customerId: string;
    currency: string;
    notes: string;
    createdById: string | null;
    createdAt: Date;
    netMinor?: bigint;
    taxMinor?: bigint;
    grossMinor?: bigint;
    lines: NewInvoiceLine[];
  },
): Promise<{ id: string }> {
  const { lines, ...invoice } = data;
  return db.invoice.create({ data: { ...invoice, lines: { create: lines } }, select: { id: true } });
}

/** Replaces a draft's lines, notes and provisional totals (issued invoices are frozen by a trigger anyway). */
export async function replaceDraftContent(db: Db, invoiceId: string, data: { notes: string; netMinor: bigint; taxMinor: bigint; grossMinor: bigint; lines: NewInvoiceLine[] }) {
  const { lines, ...invoice } = data;
  await db.invoiceLine.deleteMany({ where: { invoiceId } });
  await db.invoice.update({ where: { id: invoiceId }, data: { ...invoice, lines: { create: lines } } });
}

/** Deletes a draft and its lines; returns false when it is not (or no longer) a draft. */
export async function deleteDraftRow(db: Db, invoiceId: string): Promise<boolean> {
  const { count } = await db.invoice.deleteMany({ where: { id: invoiceId, status: "DRAFT" } });
  return count === 1;
}

export interface LockedInvoice {
  id: string;
  customer_id: string;
  status: InvoiceStatus;
  currency: string;
  gross_minor: bigint;
  paid_minor: bigint;
  credited_minor: bigint;
  number: string | null;
}

/**
 * Reads an invoice and locks its row until the transaction ends, so payments, credit notes, voiding
 * and issuing of the same invoice happen one after the other. `customerId` (when given) scopes it.
 */
export async function lockInvoice(db: Db, invoiceId: string, customerId?: string): Promise<LockedInvoice | null> {
  const rows = await db.$queryRaw<LockedInvoice[]>`
    SELECT id, customer_id, status, currency, gross_minor, paid_minor, credited_minor, number
    FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || (customerId && row.customer_id !== customerId)) return null;
  return row;
}

export async function invoiceLinesForIssue(db: Db, invoiceId: string) {
  return db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
}

export async function insertTaxLines(db: Db, invoiceId: string, groups: { taxRateBp: number; netMinor: bigint; taxMinor: bigint }[]) {
  await db.invoiceTaxLine.createMany({ data: groups.map((g) => ({ invoiceId, ...g })) });
}

export async function markInvoiceIssued(
  db: Db,
  invoiceId: string,
  data: {
    status: InvoiceStatus;
    number: string;
    issueDate: Date;
    dueDate: Date;
    netMinor: bigint;
    taxMinor: bigint;
    grossMinor: bigint;
    buyer: Prisma.InputJsonObject;
    /** The seller as printed (`SellerSnapshot`), frozen with the rest. */
    seller: Prisma.InputJsonObject;
    issuedById: string | null;
    issuedAt: Date;
    paidAt: Date | null;
  },
): Promise<void> {
  await db.invoice.update({ where: { id: invoiceId }, data });
}

export async function updateInvoiceSettlement(
  db: Db,
  invoiceId: string,
  data: { status: InvoiceStatus; paidMinor?: bigint; creditedMinor?: bigint; paidAt?: Date | null; voidedAt?: Date | null },
): Promise<void> {
  await db.invoice.update({ where: { id: invoiceId }, data });
}

export async function insertPayment(
  db: Db,
  data: { invoiceId: string; customerId: string; amountMinor: bigint; currency: string; method: "CARD" | "BANK_DEBIT" | "TRANSFER" | "CHEQUE" | "CASH"; reference: string; receivedOn: Date; recordedById: string | null; checkoutId?: string | null; createdAt: Date },
): Promise<{ id: string }> {
  return db.payment.create({ data, select: { id: true } });
}

/** Which of these product ids exist (a line may name a catalogue product). */
export async function existingProductIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.product.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function customerForInvoicing(db: Db, customerId: string) {
  return db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, legalName: true, billingEmail: true, addressLine1: true, addressLine2: true, postalCode: true, city: true, country: true, taxId: true, timeZone: true, currency: true, locale: true },
  });
}
