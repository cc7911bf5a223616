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

/** A database DATE arrives as a JS Date at UTC midnight (the day count of its instant, without formatting it as ISO). */
export const fromUtcMidnight = (d: Date): CalendarDate => fromDayNumber(Math.floor(d.getTime() / DAY_MS));
export const toUtcMidnight = (d: CalendarDate): Date => new Date(`${d}T00:00:00Z`);

export const compareDates = (a: CalendarDate, b: CalendarDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The decimal number written by `length` ASCII digits of `s` from `at`. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar, as Date counts them:
 * plain integer arithmetic (H. Hinnant's days_from_civil), without building a Date or parsing a
 * string through the engine. The billing run adds days and tests weekdays millions of times a day;
 * this made its planning about twice as fast (bench/billing-run.ts).
 */
export function dayNumber(d: CalendarDate): number {
  const m = digits(d, 5, 2);
  const y = digits(d, 0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + digits(d, 8, 2) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar day of a day number (dayNumber's inverse: civil_from_days). */
export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new DomainError("VALIDATION_FAILED", { reason: "DATE_OUT_OF_RANGE", dayNumber: n });
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}` as CalendarDate;
}

export function addDays(d: CalendarDate, n: number): CalendarDate {
  // A fraction of a day would be silently truncated; refuse it instead.
  if (!Number.isSafeInteger(n)) throw new DomainError("VALIDATION_FAILED", { reason: "NOT_WHOLE_DAYS", n });
  return n === 0 ? d : fromDayNumber(dayNumber(d) + n);
}
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => dayNumber(to) - dayNumber(from);

export function parts(d: CalendarDate): { year: number; month: number; day: number } {
  return { year: digits(d, 0, 4), month: digits(d, 5, 2), day: digits(d, 8, 2) };
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Computed rather than read from Date.UTC, which maps the years 0-99 to 1900-1999.
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** The day of these parts, checked by arithmetic (periods are computed thousands of times a run). */
export function fromParts(year: number, month: number, day: number): CalendarDate {
  const valid = Number.isInteger(year) && year >= 1 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
  if (!valid) throw new DomainError("VALIDATION_FAILED", { reason: "NOT_A_DATE", value: `${year}-${month}-${day}` });
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}` as CalendarDate;
}

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
