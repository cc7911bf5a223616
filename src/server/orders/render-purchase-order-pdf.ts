import { todayIn } from "@/domain/billing/calendar-date";
import { isOrderExpired } from "@/domain/billing/order-validity";
import { customerForInvoicing } from "@/server/billing/invoice-repository";
import type { Db } from "@/server/db/types";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";
import { orderPdf } from "@/server/pdf/order-pdf";

/**
 * The PDF of one order for whoever may read it: a customer only their company's sent orders (any
 * other id finds nothing, so the route answers 404), staff every order, drafts included.
 */
export async function renderPurchaseOrderPdf(db: Db, orderId: string, scope: { customerId: string } | { staff: true }, now: Date): Promise<{ pdf: Buffer; number: string } | null> {
  const order = await findPurchaseOrder(db, orderId, scope);
  if (!order) return null;
  const customer = await customerForInvoicing(db, order.customerId);
  if (!customer) return null;
  const pdf = await orderPdf(db, order, {
    name: customer.legalName,
    addressLines: [customer.addressLine1, customer.addressLine2, `${customer.postalCode} ${customer.city}`.trim(), customer.country].filter(Boolean),
    taxId: customer.taxId,
    email: customer.billingEmail,
    locale: customer.locale,
  }, isOrderExpired(order.validUntil, todayIn(customer.timeZone, now)));
  return { pdf, number: order.number };
}
