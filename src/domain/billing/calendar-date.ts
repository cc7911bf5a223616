import { DomainError } from "@/domain/shared/domain-error";
import { dateTimeFormat } from "@/domain/shared/intl-formats";

/**
 * A calendar day ("2026-01-31") with no time and no time zone: service periods, issue and due dates
 * are days in the customer's time zone, and they must not shift when a server runs in another one.
 * Arithmetic goes through UTC midnights, where every day lasts exactly 24 hours.
 */
export type CalendarDate = string & { readonly __brand: "CalendarDate" };

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day of the years 0001-9999 (PostgreSQL has no year 0; ISO 8601 without extension stops at 9999). */
export function isCalendarDate(value: string): value is CalendarDate {
  const m = value.match(ISO_DATE);
  if (!m || m[1] === "0000") return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function calendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new DomainError("VALIDATION_FAILED", { reason: "NOT_A_DATE", value });
  return value;
}

/** A database DATE arrives as a JS Date at UTC midnight. */
export const fromUtcMidnight = (d: Date): CalendarDate => d.toISOString().slice(0, 10) as CalendarDate;
export const toUtcMidnight = (d: CalendarDate): Date => new Date(`${d}T00:00:00Z`);

export const compareDates = (a: CalendarDate, b: CalendarDate): number => (a < b ? -1 : a > b ? 1 : 0);
export function addDays(d: CalendarDate, n: number): CalendarDate {
  // A fraction of a day would be silently truncated by the ISO slice; refuse it instead.
  if (!Number.isSafeInteger(n)) throw new DomainError("VALIDATION_FAILED", { reason: "NOT_WHOLE_DAYS", n });
  return fromUtcMidnight(new Date(toUtcMidnight(d).getTime() + n * DAY_MS));
}
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => Math.round((toUtcMidnight(to).getTime() - toUtcMidnight(from).getTime()) / DAY_MS);

export function parts(d: CalendarDate): { year: number; month: number; day: number } {
  const [year, month, day] = d.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Computed rather than read from Date.UTC, which maps the years 0-99 to 1900-1999.
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const fromParts = (year: number, month: number, day: number): CalendarDate => calendarDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);

/**
 * Adds months keeping the anchor day when the target month has it, else its last day:
 * anchored on the 31st, Jan 31 -> Feb 28 (29 in leap years) -> Mar 31 -> Apr 30. Always computed from
 * the anchor, never chained, so a short month never drags later dates down.
 */
export function addMonthsAnchored(d: CalendarDate, months: number, anchorDay: number = parts(d).day): CalendarDate {
  if (!Number.isSafeInteger(months) || !Number.isInteger(anchorDay) || anchorDay < 1 || anchorDay > 31) {
    throw new DomainError("VALIDATION_FAILED", { reason: "BAD_MONTH_STEP", months, anchorDay });
  }
  const { year, month } = parts(d);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromParts(y, m, Math.min(anchorDay, daysInMonth(y, m)));
}

/** Which day it is now for someone in `timeZone` (an IANA name such as "America/Montreal"). */
export function todayIn(timeZone: string, now: Date): CalendarDate {
  if (!isValidTimeZone(timeZone)) throw new DomainError("VALIDATION_FAILED", { field: "timeZone", reason: "UNKNOWN_TIME_ZONE", timeZone });
  // Read the numeric fields one by one rather than trusting a locale's whole layout (en-CA's
  // "YYYY-MM-DD"), which is locale data and may change with an ICU update.
  const f = dateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", numberingSystem: "latn" });
  const fields = f.formatToParts(now);
  const field = (type: "year" | "month" | "day") => Number(fields.find((p) => p.type === type)?.value);
  return fromParts(field("year"), field("month"), field("day"));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    dateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A plain date for people, in their language ("31 janv. 2026"). */
export function formatCalendarDate(d: CalendarDate, locale: string, style: "medium" | "long" | "short" = "medium"): string {
  return dateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(toUtcMidnight(d));
}
