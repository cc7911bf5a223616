import type { SubscriptionSummaryDto } from "@/contracts/timeline-views";
import { dateFromDb, minorFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/** One subscription for the back-office page, with its customer and product names; null when unknown. */
export async function findSubscriptionSummary(
  db: Db,
  subscriptionId: string,
): Promise<SubscriptionSummaryDto | null> {
  const s = await db.subscription.findUnique({
    where: { id: subscriptionId },
    include: { product: { select: { name: true } }, customer: { select: { id: true, legalName: true } } },
  });
  if (!s) return null;
  return {
    id: s.id,
    description: s.description,
    customer: s.customer,
    productName: s.product.name,
    status: s.status,
    cycle: s.cycle,
    quantity: String(quantityFromDb(s.quantity) / 1000),
    unitAmountMinor: minorFromDb(s.unitAmountMinor),
    currency: s.currency,
    currentPeriod: { start: dateFromDb(s.currentPeriodStart), end: dateFromDb(s.currentPeriodEnd) },
    // Only a live subscription renews (the same rule as the lists').
    nextRenewal: s.status === "ACTIVE" || s.status === "SUSPENDED" ? dateFromDb(s.currentPeriodEnd) : null,
  };
}
