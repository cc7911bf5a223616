import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "@/domain/i18n/locales";
import { catalogues } from "@/i18n/catalogues";
import { translatorFor } from "@/server/i18n/translator";

/** Plain values: what e-mails put in their messages (already formatted amounts, dates, names, links). */
export type MessageValues = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat | null>();

function messageAt(locale: Locale, key: string): string | null {
  let node: unknown = catalogues[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : null;
}

/**
 * A catalogue message formatted with plain values, compiled once per language and key for the
 * process. E-mails are rendered by the thousand in a billing run, and the translator re-derives its
 * cache key on every call by serialising the whole message and its options (a tenth of the run's
 * time in bench/billing-run.ts). The output is the translator's (compiled-messages.test.ts compares
 * every e-mail message in every language); a key that is not a plain message goes to the translator.
 */
export function formatMessage(locale: Locale, key: string, values: MessageValues = {}): string {
  const id = `${locale}|${key}`;
  let format = compiled.get(id);
  if (format === undefined) {
    const message = messageAt(locale, key);
    format = message === null ? null : new IntlMessageFormat(message, locale);
    compiled.set(id, format);
  }
  if (format === null) return translatorFor(locale)(key as never, values as never);
  return String(format.format(values));
}
