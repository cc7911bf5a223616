import type { KeysetPage, OrderListItemDto, TOrderListQuery } from "@/contracts/staff-lists";
import { addDays, type CalendarDate, calendarDate, toUtcMidnight } from "@/domain/billing/calendar-date";
import { keysetPage } from "@/domain/shared/keyset-cursor";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** Instants of a day range [from, to] (inclusive days, UTC: the back-office's calendar). */
export const instantRange = (from?: CalendarDate, to?: CalendarDate) =>
  from || to ? { ...(from ? { gte: toUtcMidnight(from) } : {}), ...(to ? { lt: toUtcMidnight(addDays(to, 1)) } : {}) } : undefined;

/**
 * The back-office list of purchase orders, newest first (created_at DESC, id DESC, served by
 * purchase_orders_created_at_id_idx), one page after the `after` cursor: take + 1 rows tell whether
 * there is a next page, without counting the table.
 */
export async function listPurchaseOrdersForStaff(db: Db, query: TOrderListQuery, take: number): Promise<KeysetPage<OrderListItemDto>> {
  const and: Prisma.PurchaseOrderWhereInput[] = [];
  if (query.status) and.push({ status: query.status });
  if (query.customerId) and.push({ customerId: query.customerId });
  if (query.q) and.push({ OR: [{ number: { contains: query.q, mode: "insensitive" } }, { customer: { legalName: { contains: query.q, mode: "insensitive" } } }] });
  const createdAt = instantRange(query.from ? calendarDate(query.from) : undefined, query.to ? calendarDate(query.to) : undefined);
  if (createdAt) and.push({ createdAt });
  if (query.after) {
    const key = new Date(query.after.key);
    and.push({ OR: [{ createdAt: { lt: key } }, { createdAt: key, id: { lt: query.after.id } }] });
  }
  const rows = await db.purchaseOrder.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { id: true, number: true, status: true, customerId: true, currency: true, createdAt: true, customer: { select: { legalName: true } } },
  });
  return keysetPage(
    rows,
    take,
    (r) => ({ key: r.createdAt.toISOString(), id: r.id }),
    (r) => ({ id: r.id, number: r.number, status: r.status, customerId: r.customerId, customerName: r.customer.legalName, currency: r.currency, createdAt: r.createdAt.toISOString() }),
  );
}
