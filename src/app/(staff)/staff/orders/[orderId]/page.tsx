import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OrderDocument } from "@/components/billing/OrderViews";
import { SendOrderButton } from "@/components/staff/SendOrderButton";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui";
import { staffMayAct } from "@/domain/auth/roles";
import { fmtDate } from "@/domain/billing/display-format";
import { isOrderExpired } from "@/domain/billing/order-validity";
import { requireStaff } from "@/server/auth/guards";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";
import { getCompanySettings } from "@/server/settings/get-company-settings";

export default async function StaffOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const staff = await requireStaff("BILLING", "SUPPORT");
  const id = z.string().uuid().safeParse((await params).orderId);
  if (!id.success) notFound();
  const order = await findPurchaseOrder(getDb(), id.data, { staff: true });
  if (!order) notFound();
  const [company, today] = await Promise.all([getCompanySettings(getDb()), customerToday(getDb(), order.customerId, new Date())]);
  const expired = order.status === "SENT" && isOrderExpired(order.validUntil, today);
  const [t, locale] = await Promise.all([getTranslations("orders"), getLocale()]);
  return (
    <>
      <p className="text-sm">
        <Link href={`/staff/customers/${order.customerId}`}>{order.customerName}</Link>
      </p>
      {expired ? (
        <Alert tone="info" testId="order-expired">
          {t("expiredStaff", { date: fmtDate(order.validUntil, locale) })}
        </Alert>
      ) : null}
      <OrderDocument order={order} invoiceHref={order.invoiceId ? `/staff/invoices/${order.invoiceId}` : null} pdfHref={`/staff/orders/${order.id}/pdf`} viewer="staff" paymentTermsDays={company.paymentTermsDays} expired={expired} />
      {staffMayAct(staff.staffRoles, ["BILLING"]) ? <SendOrderButton orderId={order.id} number={order.number} customerName={order.customerName} draft={order.status === "DRAFT"} /> : null}
    </>
  );
}
