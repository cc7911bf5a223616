import { getLocale, getTranslations } from "next-intl/server";
import { CustomerForm } from "@/components/staff/CustomerForm";
import { Card } from "@/components/ui";
import { SUPPORTED_CURRENCIES } from "@/domain/billing/money";
import { customerFormChoices } from "@/domain/i18n/countries";
import { requireStaff } from "@/server/auth/guards";

export default async function NewCustomerPage() {
  await requireStaff("BILLING");
  const t = await getTranslations("customerForm");
  return (
    <Card level={1} title={t("new")}>
      <CustomerForm choices={customerFormChoices(await getLocale(), SUPPORTED_CURRENCIES)} />
    </Card>
  );
}
