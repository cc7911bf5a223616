import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OrderDocument } from "@/components/billing/OrderViews";
import { OrderDecision } from "@/components/portal/OrderDecision";
import { Alert } from "@/components/ui";
import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { isOrderExpired } from "@/domain/billing/order-validity";
import { requireCustomer } from "@/server/auth/guards";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";
import { getCompanySettings } from "@/server/settings/get-company-settings";

export default async function PortalOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).orderId);
  if (!id.success) notFound();
  const db = getDb();
  const order = await findPurchaseOrder(db, id.data, { customerId: user.customerId });
  if (!order) notFound();
  const [company, today, t, locale] = await Promise.all([getCompanySettings(db), customerToday(db, user.customerId, new Date()), getTranslations("orders"), getLocale()]);
  const expired = order.status === "SENT" && isOrderExpired(order.validUntil, today);
  return (
    <>
      {expired ? (
        <Alert tone="error" testId="order-expired">
          {t("expired", { date: fmtDate(order.validUntil, locale) })}
        </Alert>
      ) : null}
      <OrderDocument
        order={order}
        invoiceHref={order.invoiceId ? `/portal/invoices/${order.invoiceId}` : null}
        pdfHref={`/portal/orders/${order.id}/pdf`}
        viewer="customer"
        paymentTermsDays={company.paymentTermsDays}
        expired={expired}
      />
      <OrderDecision
        orderId={order.id}
        number={order.number}
        grossText={fmtMoney(order.totalGrossMinor, order.currency, locale)}
        open={order.status === "SENT"}
        canAccept={!expired}
        invoiceHrefBase="/portal/invoices"
      />
    </>
  );
}
