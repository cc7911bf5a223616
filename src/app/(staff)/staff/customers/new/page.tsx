import { getLocale, getTranslations } from "next-intl/server";
import { CustomerForm } from "@/components/staff/CustomerForm";
import { Card } from "@/components/ui";
import { SUPPORTED_CURRENCIES } from "@/domain/billing/money";
import { customerFormChoices } from "@/domain/i18n/countries";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listGroups } from "@/server/customer-groups/customer-group-repository";

export default async function NewCustomerPage() {
  await requireStaff("BILLING");
  const t = await getTranslations("customerForm");
  return (
    <Card level={1} title={t("new")}>
      <CustomerForm groups={(await listGroups(getDb())).map((g) => ({ id: g.id, name: g.name }))} choices={customerFormChoices(await getLocale(), SUPPORTED_CURRENCIES)} />
    </Card>
  );
}
