import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";

export default async function PortalHome() {
  const user = await requireCustomer();
  const t = await getTranslations("portal.home");
  return (
    <>
      <div>
        <h1 data-testid="portal-title">{t("title", { name: user.name })}</h1>
        <p className="text-slate-600">{t("company", { companyName: user.customerName })}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Card title={t("amountDue")}>
          <p className="text-sm text-slate-500">{t("nothingDue")}</p>
        </Card>
        <Card title={t("overdue")}>
          <p className="text-sm text-slate-500">{t("nothingDue")}</p>
        </Card>
        <Card title={t("nextRenewals")}>
          <p className="text-sm text-slate-500">{t("noRenewals")}</p>
        </Card>
      </div>
    </>
  );
}
