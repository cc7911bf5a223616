import type { BillingCycle, PurchaseOrderStatus } from "@/generated/prisma/client";
import { lineNetMinor } from "@/domain/billing/quantity";
import { minorFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

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
  const rows = await db.$queryRaw<{ id: string; customer_id: string; status: PurchaseOrderStatus; number: string; currency: string }[]>`
    SELECT id, customer_id, status, number, currency FROM purchase_orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  const row = rows[0];
  return row && (!customerId || row.customer_id === customerId) ? row : null;
}

export async function purchaseOrderLines(db: Db, orderId: string) {
  return db.purchaseOrderLine.findMany({ where: { purchaseOrderId: orderId }, orderBy: { position: "asc" } });
}

export async function updatePurchaseOrder(
  db: Db,
  orderId: string,
  data: { status: PurchaseOrderStatus; sentAt?: Date; decidedAt?: Date; decidedById?: string; invoiceId?: string },
) {
  await db.purchaseOrder.update({ where: { id: orderId }, data });
}

export interface PurchaseOrderDto {
  id: string;
  number: string;
  status: PurchaseOrderStatus;
  currency: string;
  notes: string;
  customerId: string;
  customerName: string;
  createdAt: Date;
  decidedAt: Date | null;
  invoiceId: string | null;
  totalNetMinor: number;
  lines: { id: string; description: string; quantity: string; unitAmountMinor: number; taxRateBp: number; cycle: BillingCycle | null; netMinor: number }[];
}

/** Orders of a company (customers never see drafts); staff scope sees all of one customer. */
export async function listPurchaseOrders(db: Db, customerId: string, opts: { includeDrafts: boolean }): Promise<PurchaseOrderDto[]> {
  const rows = await db.purchaseOrder.findMany({
    where: { customerId, ...(opts.includeDrafts ? {} : { status: { not: "DRAFT" } }) },
    orderBy: { createdAt: "desc" },
    include: { lines: { orderBy: { position: "asc" } }, customer: { select: { legalName: true } } },
  });
  return rows.map(toDto);
}

/** A page of orders for the API, lines included: two queries whatever the page size. */
export async function listPurchaseOrdersPage(db: Db, opts: { customerId?: string; take: number; skip: number }) {
  const where = opts.customerId ? { customerId: opts.customerId } : {};
  const [rows, total] = await Promise.all([
    db.purchaseOrder.findMany({ where, orderBy: { createdAt: "desc" }, take: opts.take, skip: opts.skip, include: { lines: { orderBy: { position: "asc" } }, customer: { select: { legalName: true } } } }),
    db.purchaseOrder.count({ where }),
  ]);
  return { data: rows.map(toDto), total };
}

export async function findPurchaseOrder(db: Db, orderId: string, scope: { customerId: string } | { staff: true }): Promise<PurchaseOrderDto | null> {
  const row = await db.purchaseOrder.findFirst({
    where: { id: orderId, ...("customerId" in scope ? { customerId: scope.customerId, status: { not: "DRAFT" } } : {}) },
    include: { lines: { orderBy: { position: "asc" } }, customer: { select: { legalName: true } } },
  });
  return row ? toDto(row) : null;
}

type Row = Awaited<ReturnType<typeof rowShape>>;
const rowShape = (db: Db) => db.purchaseOrder.findFirstOrThrow({ include: { lines: true, customer: { select: { legalName: true } } } });

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
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    currency: r.currency,
    notes: r.notes,
    customerId: r.customerId,
    customerName: r.customer.legalName,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    invoiceId: r.invoiceId,
    totalNetMinor: lines.reduce((a, l) => a + l.netMinor, 0),
    lines,
  };
}
