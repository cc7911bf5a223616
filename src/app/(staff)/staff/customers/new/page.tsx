import { getTranslations } from "next-intl/server";
import { CustomerForm } from "@/components/staff/CustomerForm";
import { Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";

export default async function NewCustomerPage() {
  await requireStaff("BILLING");
  const t = await getTranslations("customerForm");
  return (
    <Card level={1} title={t("new")}>
      <CustomerForm />
    </Card>
  );
}
