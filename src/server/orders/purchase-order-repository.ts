import type { PurchaseOrderDto } from "@/contracts/order-views";
import { orderValidUntil } from "@/domain/billing/order-validity";
import { lineNetMinor } from "@/domain/billing/quantity";
import { computeDocumentTotals } from "@/domain/billing/tax";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { type BillingCycle, Prisma, type PurchaseOrderStatus } from "@/generated/prisma/client";
import { minorFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import { readKeysetPage } from "@/server/db/keyset-list";
import { customerNameOf, invoiceNumberOf } from "@/server/db/list-search";
import type { Db } from "@/server/db/types";
import { purchaseOrderList } from "@/server/orders/order-list-queries";

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

/**
 * A page of orders for the API, lines included, in two statements whatever the page size: the page by
 * keyset (the orders with their customer and first invoice), then every line of those orders at once.
 */
export async function listPurchaseOrdersPage(db: Db, filters: { customerId?: string }, page: PageRequest): Promise<CursorPage<PurchaseOrderDto>> {
  const read = await readKeysetPage<Omit<OrderRow, "customer" | "invoice" | "lines"> & { customerName: string; timeZone: string; invoiceNumber: string | null }>(
    db,
    purchaseOrderList(filters, PAGE_SELECT),
    page,
  );
  const ids = read.items.map((o) => o.id);
  const lines = ids.length
    ? await db.$queryRaw<(LineRow & { orderId: string })[]>`
        SELECT l.purchase_order_id::text AS "orderId", l.id::text AS id, l.description, l.quantity::text AS quantity,
               l.unit_amount_minor AS "unitAmountMinor", l.tax_rate_bp AS "taxRateBp", l.cycle::text AS cycle
        FROM purchase_order_lines l WHERE l.purchase_order_id = ANY(${ids}::uuid[]) ORDER BY l.purchase_order_id, l.position`
    : [];
  const linesOf = new Map<string, LineRow[]>();
  for (const { orderId, ...line } of lines) {
    const of = linesOf.get(orderId);
    if (of) of.push(line);
    else linesOf.set(orderId, [line]);
  }
  return {
    ...read,
    items: read.items.map(({ customerName, timeZone, invoiceNumber, ...o }) =>
      toDto({ ...o, customer: { legalName: customerName, timeZone }, invoice: invoiceNumber === null ? null : { number: invoiceNumber }, lines: linesOf.get(o.id) ?? [] }),
    ),
  };
}

const PAGE_SELECT = Prisma.sql`t.id::text AS id, t.number, t.status::text AS status, t.currency, t.notes, t.customer_id::text AS "customerId",
  t.created_at AS "createdAt", t.sent_at AS "sentAt", t.validity_days AS "validityDays", t.decided_at AS "decidedAt", t.decline_reason AS "declineReason",
  t.invoice_id::text AS "invoiceId", ${customerNameOf}, (SELECT cu.time_zone FROM customers cu WHERE cu.id = t.customer_id) AS "timeZone",
  ${invoiceNumberOf}`;

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

/** What an order read yields, from Prisma (ORDER_INCLUDE) or from SQL (the API's pages). */
interface LineRow {
  id: string;
  description: string;
  quantity: { toString(): string };
  unitAmountMinor: bigint;
  taxRateBp: number;
  cycle: BillingCycle | null;
}
interface OrderRow {
  id: string;
  number: string;
  status: PurchaseOrderStatus;
  currency: string;
  notes: string;
  customerId: string;
  createdAt: Date;
  sentAt: Date | null;
  validityDays: number;
  decidedAt: Date | null;
  declineReason: string | null;
  invoiceId: string | null;
  customer: { legalName: string; timeZone: string };
  invoice: { number: string | null } | null;
  lines: LineRow[];
}

function toDto(r: OrderRow): PurchaseOrderDto {
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
