import { firstPeriod, type BillingCycleName } from "@/domain/billing/billing-cycle";
import { todayIn } from "@/domain/billing/calendar-date";
import { isOrderExpired, orderValidUntil } from "@/domain/billing/order-validity";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { CustomerActor } from "@/server/auth/actor";
import { customerForInvoicing, insertDraftInvoice, type NewInvoiceLine } from "@/server/billing/invoice-repository";
import { issueInvoiceInTransaction } from "@/server/billing/issue-invoice";
import { lineNetMinor } from "@/domain/billing/quantity";
import { dateToDb, minorFromDb, minorToDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";
import { lockPurchaseOrder, purchaseOrderLines, updatePurchaseOrder } from "@/server/orders/purchase-order-repository";
import { createSubscriptionInTransaction } from "@/server/subscriptions/create-subscription";

/**
 * The customer accepts an order: in one transaction, every recurring line becomes a subscription
 * starting today (in the customer's time zone) and the first invoice is issued, its recurring lines
 * carrying their first service period. The order row is locked, so a double click accepts once.
 * Past its validity (the sent day + its validity days, in the customer's calendar) an order can
 * no longer be accepted: prices and availability may have changed, staff send a new one.
 */
export async function acceptPurchaseOrder(db: RootDb, actor: CustomerActor, orderId: string, now: Date): Promise<{ invoiceId: string; invoiceNumber: string }> {
  return db.$transaction(async (tx) => {
    const po = await lockPurchaseOrder(tx, orderId, actor.customerId);
    if (!po) throw new DomainError("NOT_FOUND", { entity: "purchase_order" });
    if (po.status !== "SENT") throw new DomainError("INVALID_TRANSITION", { entity: "purchase_order", from: po.status, event: "accept" });
    const customer = await customerForInvoicing(tx, po.customer_id);
    if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const today = todayIn(customer.timeZone, now);
    const validUntil = orderValidUntil(po.sent_at, po.validity_days, customer.timeZone);
    if (isOrderExpired(validUntil, today)) throw new DomainError("ORDER_EXPIRED", { entity: "purchase_order", validUntil });

    const invoiceLines: NewInvoiceLine[] = [];
    for (const line of await purchaseOrderLines(tx, po.id)) {
      let subscriptionId: string | null = null;
      let period = null;
      if (line.cycle) {
        ({ subscriptionId } = await createSubscriptionInTransaction(
          tx,
          actor,
          { customerId: customer.id, productId: line.productId, cycle: line.cycle, quantity: line.quantity.toString(), unitAmountMinor: minorFromDb(line.unitAmountMinor), description: line.description, startDate: today, purchaseOrderId: po.id },
          customer,
          now,
        ));
        period = firstPeriod(today, line.cycle as BillingCycleName);
      }
      invoiceLines.push({
        position: line.position,
        description: line.description,
        productId: line.productId,
        subscriptionId,
        quantity: line.quantity.toString(),
        unitAmountMinor: line.unitAmountMinor,
        netMinor: minorToDb(lineNetMinor(minorFromDb(line.unitAmountMinor), quantityFromDb(line.quantity))),
        taxRateBp: line.taxRateBp,
        periodStart: period ? dateToDb(period.start) : null,
        periodEnd: period ? dateToDb(period.end) : null,
      });
    }
    const { id: invoiceId } = await insertDraftInvoice(tx, { customerId: customer.id, currency: po.currency, notes: `${po.number}`, createdById: null, createdAt: now, lines: invoiceLines });
    const { number } = await issueInvoiceInTransaction(tx, null, invoiceId, now);
    await updatePurchaseOrder(tx, po.id, { status: "ACCEPTED", decidedAt: now, decidedById: actor.id, invoiceId });
    await recordAudit(tx, { action: "purchase_order.accepted", actorUserId: actor.id, actorEmail: actor.email, targetType: "purchase_order", targetId: po.id, customerId: customer.id, details: { invoiceNumber: number }, at: now });
    return { invoiceId, invoiceNumber: number };
  });
}

/** The customer declines an order and says why; staff read the reason on the order and in the audit log. */
export async function declinePurchaseOrder(db: RootDb, actor: CustomerActor, orderId: string, reason: string, now: Date): Promise<void> {
  const why = reason.trim();
  if (!why) throw new DomainError("VALIDATION_FAILED", { field: "reason", reason: "REQUIRED" });
  await db.$transaction(async (tx) => {
    const po = await lockPurchaseOrder(tx, orderId, actor.customerId);
    if (!po) throw new DomainError("NOT_FOUND", { entity: "purchase_order" });
    if (po.status !== "SENT") throw new DomainError("INVALID_TRANSITION", { entity: "purchase_order", from: po.status, event: "decline" });
    await updatePurchaseOrder(tx, po.id, { status: "DECLINED", decidedAt: now, decidedById: actor.id, declineReason: why });
    await recordAudit(tx, { action: "purchase_order.declined", actorUserId: actor.id, actorEmail: actor.email, targetType: "purchase_order", targetId: po.id, customerId: po.customer_id, details: { number: po.number, reason: why }, at: now });
  });
}
