import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CustomerForm } from "@/components/staff/CustomerForm";
import { Card } from "@/components/ui";
import { SUPPORTED_CURRENCIES } from "@/domain/billing/money";
import { customerFormChoices } from "@/domain/i18n/countries";
import { requireStaff } from "@/server/auth/guards";
import { listGroups } from "@/server/customer-groups/customer-group-repository";
import { apiGetCustomer } from "@/server/api/api-queries";
import { getDb } from "@/server/db/client";

export default async function EditCustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  await requireStaff("BILLING");
  const id = z.string().uuid().safeParse((await params).customerId);
  if (!id.success) notFound();
  const c = await apiGetCustomer(getDb(), id.data);
  if (!c) notFound();
  const t = await getTranslations("customerForm");
  return (
    <Card level={1} title={`${t("edit")} — ${c.legalName}`}>
      <CustomerForm
        groups={(await listGroups(getDb())).map((g) => ({ id: g.id, name: g.name }))}
        choices={customerFormChoices(await getLocale(), SUPPORTED_CURRENCIES, { country: c.country, timeZone: c.timeZone })}
        customer={{
          id: c.id, legalName: c.legalName, billingEmail: c.billingEmail, addressLine1: c.addressLine1, addressLine2: c.addressLine2, postalCode: c.postalCode,
          city: c.city, country: c.country, taxId: c.taxId ?? "", currency: c.currency, locale: c.locale, timeZone: c.timeZone, groupId: c.groupId ?? "",
        }}
      />
    </Card>
  );
}
