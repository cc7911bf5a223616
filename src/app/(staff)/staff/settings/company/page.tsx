import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CompanySettingsForm } from "@/components/staff/CompanySettingsForm";
import { Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getCompanySettings, toCompanySettingsDto } from "@/server/settings/get-company-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("companySettings");
  return { title: t("title") };
}

export default async function CompanySettingsPage() {
  await requireStaff("ADMIN");
  const settings = toCompanySettingsDto(await getCompanySettings(getDb()));
  const t = await getTranslations("companySettings");
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <CompanySettingsForm settings={settings} />
    </Card>
  );
}
