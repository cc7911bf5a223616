import { firstPeriod } from "@/domain/billing/billing-cycle";
import { calendarDate, parts } from "@/domain/billing/calendar-date";
import { parseQuantity, quantityToDecimalString } from "@/domain/billing/quantity";
import { DomainError } from "@/domain/shared/domain-error";
import type { TCreateSubscriptionInput } from "@/contracts/billing";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { dateToDb, minorToDb } from "@/server/billing/ledger-values";
import { findProductForSale, priceFor } from "@/server/catalogue/catalogue-repository";
import type { Db, RootDb } from "@/server/db/types";
import { findSite, insertSubscription } from "@/server/subscriptions/subscription-repository";

/**
 * Starts a subscription on `startDate`: its first service period is [start, start + cycle), anchored
 * on the start's day of month. The price is the catalogue's for the customer's currency and cycle
 * unless a negotiated price is given. Runs inside the caller's transaction (orders use it too).
 */
export async function createSubscriptionInTransaction(
  tx: Db,
  actor: { id: string; email: string } | null,
  input: TCreateSubscriptionInput & { purchaseOrderId?: string },
  customer: { id: string; currency: string },
  now: Date,
): Promise<{ subscriptionId: string }> {
  const product = await findProductForSale(tx, input.productId);
  if (!product || product.kind === "ONE_OFF") throw new DomainError("NOT_FOUND", { entity: "product", field: "productId" });
  if (input.siteId && !(await findSite(tx, customer.id, input.siteId))) throw new DomainError("NOT_FOUND", { entity: "site", field: "siteId" });
  const unitAmountMinor = input.unitAmountMinor ?? priceFor(product, input.cycle, customer.currency);
  if (unitAmountMinor === null) throw new DomainError("VALIDATION_FAILED", { field: "cycle", reason: "NO_PRICE_FOR_CYCLE_AND_CURRENCY" });
  const start = calendarDate(input.startDate);
  const period = firstPeriod(start, input.cycle);
  const { id } = await insertSubscription(
    tx,
    {
      customerId: customer.id,
      siteId: input.siteId ?? null,
      productId: product.id,
      description: input.description ?? product.name,
      quantity: quantityToDecimalString(parseQuantity(input.quantity)),
      unitAmountMinor: minorToDb(unitAmountMinor),
      currency: customer.currency,
      taxRateBp: product.taxRateBp,
      cycle: input.cycle,
      anchorDay: parts(start).day,
      currentPeriodStart: dateToDb(period.start),
      currentPeriodEnd: dateToDb(period.end),
      purchaseOrderId: input.purchaseOrderId ?? null,
      createdAt: now,
    },
    { reason: input.purchaseOrderId ? "order accepted" : "created by staff", actorUserId: actor?.id ?? null, at: now },
  );
  await recordAudit(tx, {
    action: "subscription.created",
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    targetType: "subscription",
    targetId: id,
    customerId: customer.id,
    at: now,
  });
  return { subscriptionId: id };
}

export async function createSubscription(db: RootDb, actor: StaffActor, input: TCreateSubscriptionInput, now: Date) {
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true, currency: true } });
    if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer" });
    return createSubscriptionInTransaction(tx, actor, input, customer, now);
  });
}
