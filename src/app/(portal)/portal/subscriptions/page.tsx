import { getTranslations } from "next-intl/server";
import { SubscriptionTable } from "@/components/billing/SubscriptionTable";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listCustomerSubscriptions } from "@/server/subscriptions/subscription-repository";

export default async function PortalSubscriptionsPage() {
  const user = await requireCustomer();
  const subscriptions = await listCustomerSubscriptions(getDb(), user.customerId);
  const t = await getTranslations("subscriptions");
  return (
    <Card level={1} title={t("title")}>
      <SubscriptionTable rows={subscriptions} />
    </Card>
  );
}
