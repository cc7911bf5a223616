import { getTranslations } from "next-intl/server";
import { OrderTable } from "@/components/billing/OrderViews";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listPurchaseOrders } from "@/server/orders/purchase-order-repository";

export default async function PortalOrdersPage() {
  const user = await requireCustomer();
  const orders = await listPurchaseOrders(getDb(), user.customerId, { includeDrafts: false });
  const t = await getTranslations("orders");
  return (
    <Card level={1} title={t("title")}>
      <OrderTable rows={orders} hrefBase="/portal/orders" viewer="customer" />
    </Card>
  );
}
