import { DomainError } from "@/domain/shared/domain-error";
import { addDays, type CalendarDate, dayNumber } from "./calendar-date";

/**
 * Whether a day is a public holiday where the customer is. The domain receives it as a plain
 * predicate so it stays pure: the server builds one from a holiday library for the customer
 * group's country and region (`src/server/calendar/public-holidays.ts`), tests pass a set.
 */
export type IsHoliday = (date: CalendarDate) => boolean;

/** No public holidays at all: only weekends are skipped. */
export const noHolidays: IsHoliday = () => false;

/** A holiday predicate from a list of days (tests, fixed calendars). */
export function holidaysFrom(days: Iterable<CalendarDate>): IsHoliday {
  const set = new Set<string>(days);
  return (date) => set.has(date);
}

/** 0 = Sunday ... 6 = Saturday, as `Date.getUTCDay` counts; a calendar day has no time zone. */
export const dayOfWeek = (date: CalendarDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday

/** Saturday and Sunday are the weekend (the countries the product serves so far rest on those days). */
export const isWeekend = (date: CalendarDate): boolean => {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
};

export const isBusinessDay = (date: CalendarDate, isHoliday: IsHoliday): boolean =>
  !isWeekend(date) && !isHoliday(date);

/**
 * A predicate that says yes to every day (a broken holiday source) would loop forever; no real
 * calendar has a year without a working day, so a year of consecutive closed days is an error.
 */
const MAX_CLOSED_RUN = 366;

/**
 * The n-th business day after `date` (before it when n is negative): 5 business days after
 * Thursday 30 April 2026 in France is Monday 11 May (1 May and 8 May are holidays). The start
 * day itself is never counted, whatever it is, so n = 0 gives `date` back unchanged.
 */
export function addBusinessDays(date: CalendarDate, n: number, isHoliday: IsHoliday): CalendarDate {
  if (!Number.isSafeInteger(n)) throw new DomainError("VALIDATION_FAILED", { reason: "NOT_WHOLE_DAYS", n });
  const step = n < 0 ? -1 : 1;
  let day = date;
  let left = Math.abs(n);
  let closedRun = 0;
  while (left > 0) {
    day = addDays(day, step);
    if (isBusinessDay(day, isHoliday)) {
      left--;
      closedRun = 0;
    } else if (++closedRun > MAX_CLOSED_RUN) {
      throw new DomainError("VALIDATION_FAILED", { reason: "NO_BUSINESS_DAY", from: date });
    }
  }
  return day;
}

/** How many business days lie in (from, to]: the count addBusinessDays walks. 0 when to <= from. */
export function businessDaysBetween(from: CalendarDate, to: CalendarDate, isHoliday: IsHoliday): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isBusinessDay(day, isHoliday)) count++;
  }
  return count;
}
