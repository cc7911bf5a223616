import { todayIn } from "@/domain/billing/calendar-date";
import { parseQuantity, quantityToDecimalString } from "@/domain/billing/quantity";
import { DomainError } from "@/domain/shared/domain-error";
import type { TCreatePurchaseOrderInput } from "@/contracts/billing";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { customerForInvoicing } from "@/server/billing/invoice-repository";
import { minorToDb } from "@/server/billing/ledger-values";
import { takeDocumentNumber } from "@/server/billing/take-document-number";
import { findProductForSale, priceFor } from "@/server/catalogue/catalogue-repository";
import type { RootDb } from "@/server/db/types";
import { insertPurchaseOrder } from "@/server/orders/purchase-order-repository";

/**
 * A salesperson prepares an order (bon de commande) from the catalogue: recurring products need a
 * billing cycle, one-off items have none. Prices default to the catalogue's in the customer's currency.
 */
export async function createPurchaseOrder(db: RootDb, actor: StaffActor, input: TCreatePurchaseOrderInput, now: Date): Promise<{ orderId: string; number: string }> {
  return db.$transaction(async (tx) => {
    const customer = await customerForInvoicing(tx, input.customerId);
    if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const lines = [];
    for (const [i, l] of input.lines.entries()) {
      const product = await findProductForSale(tx, l.productId);
      if (!product) throw new DomainError("NOT_FOUND", { entity: "product", line: i + 1, field: `lines.${i}.productId` });
      const recurring = product.kind !== "ONE_OFF";
      if (recurring !== !!l.cycle) throw new DomainError("VALIDATION_FAILED", { field: `lines.${i}.cycle`, reason: recurring ? "CYCLE_REQUIRED" : "ONE_OFF_HAS_NO_CYCLE" });
      const unit = l.unitAmountMinor ?? priceFor(product, l.cycle ?? null, customer.currency);
      if (unit === null) throw new DomainError("VALIDATION_FAILED", { field: `lines.${i}.unitAmountMinor`, reason: "NO_CATALOGUE_PRICE" });
      lines.push({
        position: i + 1,
        productId: product.id,
        description: l.description ?? product.name,
        quantity: quantityToDecimalString(parseQuantity(l.quantity)),
        unitAmountMinor: minorToDb(unit),
        taxRateBp: product.taxRateBp,
        cycle: l.cycle ?? null,
      });
    }
    const number = await takeDocumentNumber(tx, "PURCHASE_ORDER", todayIn(customer.timeZone, now));
    const { id } = await insertPurchaseOrder(tx, { number, customerId: customer.id, currency: customer.currency, notes: input.notes, preparedById: actor.id, createdAt: now, lines });
    await recordAudit(tx, { action: "purchase_order.created", actorUserId: actor.id, actorEmail: actor.email, targetType: "purchase_order", targetId: id, customerId: customer.id, details: { number }, at: now });
    return { orderId: id, number };
  });
}
