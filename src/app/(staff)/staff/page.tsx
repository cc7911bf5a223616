import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { countCustomers } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

export default async function StaffHome() {
  const user = await requireStaff();
  const t = await getTranslations();
  const customers = await countCustomers(getDb());
  const roles = user.staffRoles.map((r) => t(`common.roles.${r}`)).join(", ");
  return (
    <Card level={1} title={t("staff.home.title")}>
      <p data-testid="staff-intro">{t("staff.home.intro", { name: user.name, roles })}</p>
      <p className="mt-2 text-sm text-slate-600">{t("staff.home.customers", { count: customers })}</p>
    </Card>
  );
}
