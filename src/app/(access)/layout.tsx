import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { isLocale } from "@/domain/i18n/locales";

/** The public access request: no sign-in, no navigation, the product's name and the language. */
export default async function AccessLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto flex min-h-screen max-w-3xl flex-col gap-6 p-4 sm:p-6">
      <div className="flex items-center justify-between">
        <div>
          <p className="text-xl font-bold text-indigo-700">{t("productName")}</p>
          <p className="text-sm text-slate-500">{t("tagline")}</p>
        </div>
        <LanguageSwitcher current={isLocale(locale) ? locale : "en"} label={t("language")} />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">{children}</section>
    </main>
  );
}
