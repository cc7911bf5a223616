import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SupportSettingsForm } from "@/components/staff/SupportSettingsForm";
import { Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getSupportSettings } from "@/server/support/get-support-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportSettings");
  return { title: t("title") };
}

export default async function SupportSettingsPage() {
  await requireStaff("ADMIN");
  const settings = await getSupportSettings(getDb());
  const t = await getTranslations("supportSettings");
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <SupportSettingsForm settings={settings} />
    </Card>
  );
}
