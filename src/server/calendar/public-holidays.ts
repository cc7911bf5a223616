import Holidays from "date-holidays";
import type { IsHoliday } from "@/domain/billing/business-days";
import { addDays, type CalendarDate, calendarDate, parts } from "@/domain/billing/calendar-date";
import { DomainError } from "@/domain/shared/domain-error";

/**
 * Public holidays of a country (ISO 3166 alpha-2, "FR") and optional region ("57" for Moselle,
 * "NY" for New York), from the maintained `date-holidays` library, as the pure predicate the
 * domain takes (`IsHoliday`). Only days of type "public" count: bank holidays, school holidays and
 * observances (Mother's Day, Pentecost Sunday) are working days for billing.
 *
 * Each (country, region, year) is computed once per process: the library evaluates its rules
 * (Easter, lunar calendars) on every call, and a billing run asks the same few years for
 * thousands of customers.
 */
const DAY_MS = 86_400_000;
const yearCache = new Map<string, ReadonlySet<string>>();
const predicates = new Map<string, IsHoliday>();
let knownCountries: Record<string, string> | undefined;

/** True when the library knows the country and, if given, the region within it. */
export function isKnownHolidayCalendar(country: string, region: string | null): boolean {
  knownCountries ??= new Holidays().getCountries();
  if (!Object.hasOwn(knownCountries, country)) return false;
  if (region === null) return true;
  return Object.hasOwn(new Holidays().getStates(country) ?? {}, region);
}

/** The predicate for a customer group; refuses a country or region the library does not know. */
export function publicHolidays(country: string, region: string | null = null): IsHoliday {
  const key = `${country}/${region ?? ""}`;
  let predicate = predicates.get(key);
  if (!predicate) {
    // An unknown region silently falls back to the whole country in the library; say so instead.
    if (!isKnownHolidayCalendar(country, region)) {
      throw new DomainError("VALIDATION_FAILED", { reason: "UNKNOWN_HOLIDAY_CALENDAR", country, region });
    }
    predicate = (date) => holidaysOfYear(country, region, parts(date).year).has(date);
    predicates.set(key, predicate);
  }
  return predicate;
}

function holidaysOfYear(country: string, region: string | null, year: number): ReadonlySet<string> {
  const key = `${country}/${region ?? ""}/${year}`;
  let days = yearCache.get(key);
  if (!days) {
    const calendar = region === null ? new Holidays(country) : new Holidays(country, region);
    // A holiday of several days listed under December can spill into January: read the year before too.
    const all = [...publicDaysListed(calendar, year - 1), ...publicDaysListed(calendar, year)];
    days = new Set(all.filter((day) => parts(day).year === year));
    yearCache.set(key, days);
  }
  return days;
}

/** Every day the public holidays listed for `year` cover (some last two or three days). */
function publicDaysListed(calendar: Holidays, year: number): CalendarDate[] {
  return calendar
    .getHolidays(year)
    .filter((h) => h.type === "public")
    .flatMap((h) => {
      // `date` is the local day ("2026-05-01 00:00:00", sometimes with an offset after it);
      // start and end are instants, whose difference says how many days the holiday lasts
      // (rounded: a DST change makes a day 23 or 25 hours long).
      const first = calendarDate(h.date.slice(0, 10));
      const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      return Array.from({ length }, (_, i) => addDays(first, i));
    });
}
