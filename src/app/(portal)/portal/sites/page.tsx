import { getTranslations } from "next-intl/server";
import { SiteSubscriptions } from "@/components/portal/SiteSubscriptions";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listSitesWithSubscriptions } from "@/server/self-service/self-service-repository";

/** The company's sites (the sources' store locations), each with the subscriptions attached to it. */
export default async function PortalSitesPage() {
  const user = await requireCustomer();
  const groups = await listSitesWithSubscriptions(getDb(), user.customerId);
  const t = await getTranslations("sites");
  return (
    <Card level={1} title={t("title")}>
      <SiteSubscriptions groups={groups} />
    </Card>
  );
}
