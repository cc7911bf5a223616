import { type CalendarDate, todayIn } from "@/domain/billing/calendar-date";
import type { Db } from "@/server/db/types";

export async function findCustomerName(db: Db, customerId: string): Promise<string | null> {
  const c = await db.customer.findUnique({ where: { id: customerId }, select: { legalName: true } });
  return c?.legalName ?? null;
}

export interface CustomerSummary {
  id: string;
  legalName: string;
  billingEmail: string;
  locale: string;
  timeZone: string;
  currency: string;
}

export async function findCustomerSummary(db: Db, customerId: string): Promise<CustomerSummary | null> {
  return db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, legalName: true, billingEmail: true, locale: true, timeZone: true, currency: true },
  });
}

export async function countCustomers(db: Db): Promise<number> {
  return db.customer.count();
}

/** Which day it is for this customer (their time zone decides what is due or overdue). */
export async function customerToday(db: Db, customerId: string, now: Date): Promise<CalendarDate> {
  const c = await db.customer.findUnique({ where: { id: customerId }, select: { timeZone: true } });
  return todayIn(c?.timeZone ?? "UTC", now);
}

export interface SiteDto {
  id: string;
  name: string;
  addressLines: string[];
}

/** A company's sites (shops, offices). */
export async function listSites(db: Db, customerId: string): Promise<SiteDto[]> {
  const rows = await db.site.findMany({ where: { customerId }, orderBy: { name: "asc" } });
  return rows.map((s) => ({ id: s.id, name: s.name, addressLines: [s.addressLine1, s.addressLine2, `${s.postalCode} ${s.city}`.trim(), s.country].filter(Boolean) }));
}
