import type { PurchaseOrderDto } from "@/contracts/order-views";
import type { BillingCycle, PurchaseOrderStatus } from "@/generated/prisma/client";
import { orderValidUntil } from "@/domain/billing/order-validity";
import { lineNetMinor } from "@/domain/billing/quantity";
import { computeDocumentTotals } from "@/domain/billing/tax";
import { minorFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/** What every order read loads: its lines, the customer's name and time zone (for the validity), its first invoice's number. */
const ORDER_INCLUDE = {
  lines: { orderBy: { position: "asc" } },
  customer: { select: { legalName: true, timeZone: true } },
  invoice: { select: { number: true } },
} as const;

export async function insertPurchaseOrder(
  db: Db,
  data: {
    number: string;
    customerId: string;
    currency: string;
    notes: string;
    preparedById: string;
    createdAt: Date;
    lines: { position: number; productId: string; description: string; quantity: string; unitAmountMinor: bigint; taxRateBp: number; cycle: BillingCycle | null }[];
  },
) {
  const { lines, ...po } = data;
  return db.purchaseOrder.create({ data: { ...po, lines: { create: lines } }, select: { id: true } });
}

/** Locks an order for a decision; scoped to a company when a customer decides. */
export async function lockPurchaseOrder(db: Db, orderId: string, customerId?: string) {
  const rows = await db.$queryRaw<{ id: string; customer_id: string; status: PurchaseOrderStatus; number: string; currency: string; sent_at: Date | null; validity_days: number }[]>`
    SELECT id, customer_id, status, number, currency, sent_at, validity_days FROM purchase_orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  const row = rows[0];
  return row && (!customerId || row.customer_id === customerId) ? row : null;
}

export async function purchaseOrderLines(db: Db, orderId: string) {
  return db.purchaseOrderLine.findMany({ where: { purchaseOrderId: orderId }, orderBy: { position: "asc" } });
}

export async function updatePurchaseOrder(
  db: Db,
  orderId: string,
  data: { status: PurchaseOrderStatus; sentAt?: Date; decidedAt?: Date; decidedById?: string; invoiceId?: string; declineReason?: string },
) {
  await db.purchaseOrder.update({ where: { id: orderId }, data });
}

/** Orders of a company (customers never see drafts); staff scope sees all of one customer. */
export async function listPurchaseOrders(db: Db, customerId: string, opts: { includeDrafts: boolean }): Promise<PurchaseOrderDto[]> {
  const rows = await db.purchaseOrder.findMany({
    where: { customerId, ...(opts.includeDrafts ? {} : { status: { not: "DRAFT" } }) },
    orderBy: { createdAt: "desc" },
    include: ORDER_INCLUDE,
  });
  return rows.map(toDto);
}

/** A page of orders for the API, lines included: two queries whatever the page size. */
export async function listPurchaseOrdersPage(db: Db, opts: { customerId?: string; take: number; skip: number }) {
  const where = opts.customerId ? { customerId: opts.customerId } : {};
  const [rows, total] = await Promise.all([
    db.purchaseOrder.findMany({ where, orderBy: { createdAt: "desc" }, take: opts.take, skip: opts.skip, include: ORDER_INCLUDE }),
    db.purchaseOrder.count({ where }),
  ]);
  return { data: rows.map(toDto), total };
}

export async function findPurchaseOrder(db: Db, orderId: string, scope: { customerId: string } | { staff: true }): Promise<PurchaseOrderDto | null> {
  const row = await db.purchaseOrder.findFirst({
    where: { id: orderId, ...("customerId" in scope ? { customerId: scope.customerId, status: { not: "DRAFT" } } : {}) },
    include: ORDER_INCLUDE,
  });
  return row ? toDto(row) : null;
}

/** Orders sent to a company that still wait for its answer, oldest first (the portal home lists them). */
export async function listOrdersAwaitingAnswer(db: Db, customerId: string, take = 5) {
  const rows = await db.purchaseOrder.findMany({ where: { customerId, status: "SENT" }, orderBy: { sentAt: "asc" }, take, include: ORDER_INCLUDE });
  return rows.map(toDto);
}

type Row = Awaited<ReturnType<typeof rowShape>>;
const rowShape = (db: Db) => db.purchaseOrder.findFirstOrThrow({ include: ORDER_INCLUDE });

function toDto(r: Row): PurchaseOrderDto {
  const lines = r.lines.map((l) => {
    const quantity = quantityFromDb(l.quantity);
    const unit = minorFromDb(l.unitAmountMinor);
    return {
      id: l.id,
      description: l.description,
      quantity: String(quantity / 1000),
      unitAmountMinor: unit,
      taxRateBp: l.taxRateBp,
      cycle: l.cycle,
      netMinor: lineNetMinor(unit, quantity),
    };
  });
  const totals = computeDocumentTotals(lines);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    currency: r.currency,
    notes: r.notes,
    customerId: r.customerId,
    customerName: r.customer.legalName,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    validUntil: orderValidUntil(r.sentAt, r.validityDays, r.customer.timeZone),
    validityDays: r.validityDays,
    decidedAt: r.decidedAt,
    declineReason: r.declineReason,
    invoiceId: r.invoiceId,
    invoiceNumber: r.invoice?.number ?? null,
    totalNetMinor: totals.netMinor,
    taxLines: totals.groups,
    totalTaxMinor: totals.taxMinor,
    totalGrossMinor: totals.grossMinor,
    lines,
  };
}
