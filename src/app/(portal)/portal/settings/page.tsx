import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { BillingEmailForm } from "@/components/portal/BillingEmailForm";
import { CompanyFacts } from "@/components/portal/CompanyFacts";
import { CompanyInfoForm } from "@/components/portal/CompanyInfoForm";
import { PasswordChangeForm } from "@/components/portal/PasswordChangeForm";
import { ProfileForm } from "@/components/portal/ProfileForm";
import { Card } from "@/components/ui";
import { countryOptions } from "@/domain/i18n/countries";
import { isLocale } from "@/domain/i18n/locales";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { findCompanyInfo, findProfile } from "@/server/self-service/self-service-repository";

/** The account (language, profile, password) and, for its owner, the company's details and billing address. */
export default async function PortalSettingsPage() {
  const user = await requireCustomer();
  const t = await getTranslations();
  const locale = await getLocale();
  const db = getDb();
  const [profile, company] = await Promise.all([findProfile(db, user.id), findCompanyInfo(db, user.customerId)]);
  if (!profile || !company) notFound();
  const owner = user.customerRole === "OWNER";
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("portal.settings.title")}>
        <div className="flex items-center gap-4">
          <span className="text-sm">{t("common.language")}</span>
          <LanguageSwitcher current={isLocale(locale) ? locale : "en"} label={t("common.language")} />
        </div>
        <p className="mt-2 text-sm text-slate-500">{t("portal.settings.languageHelp")}</p>
      </Card>
      <Card title={t("selfService.profile.title")}>
        <ProfileForm profile={profile} />
      </Card>
      <Card title={t("selfService.password.title")}>
        <PasswordChangeForm />
      </Card>
      <Card title={t("selfService.company.title")}>
        <div className="flex flex-col gap-4">
          <CompanyFacts company={company} showAddress={!owner} />
          {owner ? (
            <CompanyInfoForm company={company} countries={countryOptions(locale)} />
          ) : (
            <p className="text-sm text-slate-600" data-testid="company-owner-only">
              {t("selfService.company.ownerOnly")}
            </p>
          )}
        </div>
      </Card>
      <Card title={t("selfService.billingEmail.title")}>
        <BillingEmailForm billingEmail={company.billingEmail} pendingBillingEmail={owner ? company.pendingBillingEmail : null} mayChange={owner} />
      </Card>
    </div>
  );
}
