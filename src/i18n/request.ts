import { getServerSession } from "next-auth";
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { isLocale, type Locale, negotiateLocale } from "@/domain/i18n/locales";
import { catalogues } from "@/i18n/catalogues";
import { authOptions } from "@/server/auth/auth-options";

export const LOCALE_COOKIE = "NEXT_LOCALE";

/**
 * No locale in the URL: the language is the one chosen on this browser (cookie), else the signed-in
 * user's saved language, else the browser's Accept-Language.
 */
async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const session = (await getServerSession(authOptions)) as { locale?: string } | null;
  if (isLocale(session?.locale)) return session.locale;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: catalogues[locale], timeZone: "UTC" };
});
