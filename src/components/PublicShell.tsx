import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { isLocale } from "@/domain/i18n/locales";

/**
 * The frame of the pages people reach without signing in (sign-in, invitation, access request): the
 * product's name, the language switch and one card. `wide` for the multi-step access request.
 */
export async function PublicShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const main = wide ? "max-w-3xl gap-6 p-4 sm:p-6" : "max-w-md justify-center gap-6 p-6";
  return (
    <main id="main" tabIndex={-1} className={`focus:outline-none mx-auto flex min-h-screen flex-col ${main}`}>
      <div className="flex items-center justify-between">
        <div>
          <p className="text-xl font-bold text-indigo-700">{t("productName")}</p>
          <p className="text-sm text-slate-500">{t("tagline")}</p>
        </div>
        <LanguageSwitcher current={isLocale(locale) ? locale : "en"} label={t("language")} />
      </div>
      <section className={`rounded-lg border border-slate-200 bg-white shadow-sm ${wide ? "p-4 sm:p-6" : "p-6"}`}>{children}</section>
    </main>
  );
}
