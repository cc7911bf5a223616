import type { SubscriptionDto } from "@/contracts/subscription-views";
import type { BillingCycle, SubscriptionStatus } from "@/generated/prisma/client";
import { dateFromDb, minorFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

export interface NewSubscription {
  customerId: string;
  siteId: string | null;
  productId: string;
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  currency: string;
  taxRateBp: number;
  cycle: BillingCycle;
  anchorDay: number;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  purchaseOrderId: string | null;
  createdAt: Date;
}

/** Creates the subscription and the first entry of its status history together. */
export async function insertSubscription(db: Db, data: NewSubscription, history: { reason: string; actorUserId: string | null; at: Date }) {
  return db.subscription.create({
    data: { ...data, status: "ACTIVE", history: { create: { fromStatus: null, toStatus: "ACTIVE", ...history } } },
    select: { id: true },
  });
}

export async function lockSubscription(db: Db, subscriptionId: string) {
  const rows = await db.$queryRaw<{ id: string; customer_id: string; status: SubscriptionStatus }[]>`
    SELECT id, customer_id, status FROM subscriptions WHERE id = ${subscriptionId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function changeSubscriptionStatus(
  db: Db,
  subscriptionId: string,
  from: SubscriptionStatus,
  to: SubscriptionStatus,
  history: { reason: string; actorUserId: string | null; at: Date },
) {
  await db.subscription.update({
    where: { id: subscriptionId },
    data: { status: to, history: { create: { fromStatus: from, toStatus: to, ...history } } },
  });
}

/** A company's subscriptions, newest renewals first; one query with its joins. */
export async function listCustomerSubscriptions(db: Db, customerId: string, opts: { activeOnly?: boolean; take?: number } = {}): Promise<SubscriptionDto[]> {
  const rows = await db.subscription.findMany({
    where: { customerId, ...(opts.activeOnly ? { status: { in: ["ACTIVE", "SUSPENDED"] } } : {}) },
    orderBy: [{ currentPeriodEnd: "asc" }, { createdAt: "asc" }],
    take: opts.take,
    include: { product: { select: { name: true, kind: true } }, site: { select: { name: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    description: s.description,
    productName: s.product.name,
    productKind: s.product.kind,
    siteName: s.site?.name ?? null,
    status: s.status,
    cycle: s.cycle,
    quantity: String(quantityFromDb(s.quantity) / 1000),
    unitAmountMinor: minorFromDb(s.unitAmountMinor),
    currency: s.currency,
    taxRateBp: s.taxRateBp,
    currentPeriod: { start: dateFromDb(s.currentPeriodStart), end: dateFromDb(s.currentPeriodEnd) },
    nextRenewal: s.status === "ACTIVE" || s.status === "SUSPENDED" ? dateFromDb(s.currentPeriodEnd) : null,
  }));
}

export async function subscriptionHistory(db: Db, customerId: string, subscriptionId: string) {
  return db.subscriptionStatusChange.findMany({
    where: { subscriptionId, subscription: { customerId } },
    orderBy: { at: "asc" },
    select: { fromStatus: true, toStatus: true, reason: true, at: true },
  });
}

export async function findSite(db: Db, customerId: string, siteId: string) {
  return db.site.findFirst({ where: { id: siteId, customerId }, select: { id: true } });
}
