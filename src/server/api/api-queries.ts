import { minorFromDb, dateFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { BillingCycle, SubscriptionStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** Reads the REST API exposes that the pages do not need in this shape. Staff scope. */

const customerSelect = {
  id: true, legalName: true, billingEmail: true, addressLine1: true, addressLine2: true, postalCode: true, city: true, country: true,
  taxId: true, currency: true, locale: true, timeZone: true, groupId: true, createdAt: true,
} as const;

export async function apiListCustomers(db: Db, opts: { search?: string; take: number; skip: number }) {
  const where = opts.search ? { OR: [{ legalName: { contains: opts.search, mode: "insensitive" as const } }, { billingEmail: { contains: opts.search, mode: "insensitive" as const } }] } : {};
  const [data, total] = await Promise.all([db.customer.findMany({ where, orderBy: { legalName: "asc" }, take: opts.take, skip: opts.skip, select: customerSelect }), db.customer.count({ where })]);
  return { data, total };
}

export async function apiGetCustomer(db: Db, customerId: string) {
  return db.customer.findUnique({ where: { id: customerId }, select: { ...customerSelect, sites: { orderBy: { name: "asc" } } } });
}

export async function apiListSites(db: Db, customerId: string) {
  return db.site.findMany({ where: { customerId }, orderBy: { name: "asc" } });
}

function subscriptionDto(s: {
  id: string; customerId: string; siteId: string | null; productId: string; description: string; quantity: { toString(): string }; unitAmountMinor: bigint;
  currency: string; taxRateBp: number; cycle: BillingCycle; status: SubscriptionStatus; currentPeriodStart: Date; currentPeriodEnd: Date; createdAt: Date;
}) {
  return {
    id: s.id, customerId: s.customerId, siteId: s.siteId, productId: s.productId, description: s.description,
    quantity: String(quantityFromDb(s.quantity) / 1000), unitAmountMinor: minorFromDb(s.unitAmountMinor), currency: s.currency, taxRateBp: s.taxRateBp,
    cycle: s.cycle, status: s.status,
    currentPeriod: { start: dateFromDb(s.currentPeriodStart), end: dateFromDb(s.currentPeriodEnd) },
    nextRenewalDate: dateFromDb(s.currentPeriodEnd),
    createdAt: s.createdAt,
  };
}

export async function apiListSubscriptions(db: Db, opts: { customerId?: string; take: number; skip: number }) {
  const where = opts.customerId ? { customerId: opts.customerId } : {};
  const [rows, total] = await Promise.all([db.subscription.findMany({ where, orderBy: { createdAt: "desc" }, take: opts.take, skip: opts.skip }), db.subscription.count({ where })]);
  return { data: rows.map(subscriptionDto), total };
}

export async function apiGetSubscription(db: Db, subscriptionId: string) {
  const s = await db.subscription.findUnique({ where: { id: subscriptionId }, include: { history: { orderBy: { at: "asc" } } } });
  if (!s) return null;
  return { ...subscriptionDto(s), history: s.history.map((h) => ({ from: h.fromStatus, to: h.toStatus, reason: h.reason, at: h.at })) };
}
