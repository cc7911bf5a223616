import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { Card } from "@/components/ui";
import { isLocale } from "@/domain/i18n/locales";
import { requireCustomer } from "@/server/auth/guards";

export default async function PortalSettingsPage() {
  await requireCustomer();
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <Card level={1} title={t("portal.settings.title")}>
      <div className="flex items-center gap-4">
        <span className="text-sm">{t("common.language")}</span>
        <LanguageSwitcher current={isLocale(locale) ? locale : "en"} label={t("common.language")} />
      </div>
      <p className="mt-2 text-sm text-slate-500">{t("portal.settings.languageHelp")}</p>
    </Card>
  );
}
