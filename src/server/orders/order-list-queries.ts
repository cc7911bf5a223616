import type { OrderListItemDto, TOrderListQuery } from "@/contracts/staff-lists";
import { addDays, type CalendarDate, calendarDate, toUtcMidnight } from "@/domain/billing/calendar-date";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import { columnOrCustomerContains, customerNameOf } from "@/server/db/list-search";
import type { Db } from "@/server/db/types";

/**
 * Purchase order lists (the back-office's and the API's), newest first: (created_at, id) DESC, served
 * exactly by purchase_orders_created_at_id_idx, per customer by
 * purchase_orders_customer_id_created_at_id_idx and per status by
 * purchase_orders_status_created_at_id_idx (migration 20261202070100_more_list_indexes).
 */
const ORDER_KEY = ["t.created_at", "t.id"] as const;

export type OrderListFilters = Pick<TOrderListQuery, "q" | "status" | "customerId" | "from" | "to">;

/** The instant a UTC day starts (the back-office's calendar), as a timestamptz parameter. */
const dayStart = (d: CalendarDate) => Prisma.sql`${toUtcMidnight(d).toISOString()}::timestamptz`;

function filterSql(f: OrderListFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.status) out.push(Prisma.sql`t.status = ${f.status}::purchase_order_status`);
  if (f.customerId) out.push(Prisma.sql`t.customer_id = ${f.customerId}::uuid`);
  if (f.q) out.push(columnOrCustomerContains("t.number", f.q));
  // Days [from, to], inclusive: instants from the start of `from` to before the start of the day after `to`.
  if (f.from) out.push(Prisma.sql`t.created_at >= ${dayStart(calendarDate(f.from))}`);
  if (f.to) out.push(Prisma.sql`t.created_at < ${dayStart(addDays(calendarDate(f.to), 1))}`);
  return out;
}

/** The list with the columns a caller selects (over `t`; see list-search.ts for other tables' columns). */
export function purchaseOrderList(filters: OrderListFilters, select: Prisma.Sql): KeysetList {
  return {
    table: "purchase_orders",
    idType: "uuid",
    key: ORDER_KEY,
    order: "DESC",
    select,
    scope: [],
    filters: filterSql(filters),
  };
}

const STAFF_SELECT = Prisma.sql`t.id::text AS id, t.number, t.status::text AS status, t.customer_id::text AS "customerId", ${customerNameOf},
  t.currency, t.created_at AS "createdAt"`;

/** One page of the back-office list of purchase orders: one indexed statement whatever the page's depth. */
export async function listPurchaseOrdersForStaff(db: Db, filters: OrderListFilters, page: PageRequest): Promise<CursorPage<OrderListItemDto>> {
  const read = await readKeysetPage<Omit<OrderListItemDto, "createdAt"> & { createdAt: Date }>(db, purchaseOrderList(filters, STAFF_SELECT), page);
  return { ...read, items: read.items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
