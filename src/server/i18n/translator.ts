import { createTranslator } from "next-intl";
import type { Locale } from "@/domain/i18n/locales";
import { catalogues } from "@/i18n/catalogues";

const make = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale] });
const translators = new Map<Locale, ReturnType<typeof make>>();

/**
 * A translator outside React (e-mails, PDFs, jobs), same catalogues as the UI. One per language for
 * the process: a translator keeps the messages it compiled, and a billing run renders thousands of
 * e-mails (a fresh translator each time cost about 0.6 ms an e-mail, mostly recompiling).
 */
export function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    t = make(locale);
    translators.set(locale, t);
  }
  return t;
}

export function formatDateTime(locale: Locale, date: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}
