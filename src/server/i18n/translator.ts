import { createTranslator } from "next-intl";
import type { Locale } from "@/domain/i18n/locales";
import { catalogues } from "@/i18n/catalogues";

/** A translator outside React (e-mails, PDFs, jobs), same catalogues as the UI. */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale] });
}

export function formatDateTime(locale: Locale, date: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}
