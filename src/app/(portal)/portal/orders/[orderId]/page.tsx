import { notFound } from "next/navigation";
import { z } from "zod";
import { OrderDocument } from "@/components/billing/OrderViews";
import { OrderDecision } from "@/components/portal/OrderDecision";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";

export default async function PortalOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).orderId);
  if (!id.success) notFound();
  const order = await findPurchaseOrder(getDb(), id.data, { customerId: user.customerId });
  if (!order) notFound();
  return (
    <>
      <OrderDocument order={order} invoiceHref={order.invoiceId ? `/portal/invoices/${order.invoiceId}` : null} viewer="customer" />
      {order.status === "SENT" ? <OrderDecision orderId={order.id} /> : null}
    </>
  );
}
