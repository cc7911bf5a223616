import { type CalendarDate, formatCalendarDate } from "./calendar-date";
import { formatMoney, money } from "./money";
import { formatPeriod, makePeriod } from "./period";
import { formatTaxRate } from "./tax";
import { numberFormat } from "@/domain/shared/intl-formats";

/** Display helpers shared by the ledger views (all pure formatting, per locale). */
export const fmtMoney = (amountMinor: number, currency: string, locale: string) => formatMoney(money(amountMinor, currency), locale);
export const fmtDate = (d: CalendarDate | null, locale: string) => (d ? formatCalendarDate(d, locale) : "—");
export const fmtPeriod = (p: { start: CalendarDate; end: CalendarDate } | null, locale: string) => (p ? formatPeriod(makePeriod(p.start, p.end), locale) : "");
export const fmtRate = (bp: number, locale: string) => formatTaxRate(bp, locale);
export const fmtQuantity = (q: string, locale: string) => numberFormat(locale, { maximumFractionDigits: 3 }).format(Number(q));
