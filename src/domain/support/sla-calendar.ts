// SLA clocks on business-hours calendars (issue 18): a response deadline counts only the minutes in
// which the support desk is open, in the provider's time zone: regular requests 8:30-17:00, urgent
// 7:00-20:00, Monday to Friday, public holidays excluded (passed in as a predicate, as the dunning
// calendar does). Pure: time-zone arithmetic through Intl, no clock, no I/O.
import { addDays, type CalendarDate } from "../billing/calendar-date";
import { type IsHoliday, isBusinessDay } from "../billing/business-days";
import type { Urgency } from "./charging-rules";

export interface SlaCalendar {
  timeZone: string;
  /** Opening and closing times, in minutes after local midnight. */
  opensAt: number;
  closesAt: number;
  isHoliday: IsHoliday;
}

/** The sources' desk hours and promised response times. */
export const DESK_HOURS: Record<Urgency, { opensAt: number; closesAt: number }> = {
  REGULAR: { opensAt: 8 * 60 + 30, closesAt: 17 * 60 },
  URGENT: { opensAt: 7 * 60, closesAt: 20 * 60 },
};
export const RESPONSE_MINUTES: Record<Urgency, number> = { REGULAR: 4 * 60, URGENT: 60 };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar day and minute of the day of an instant. */
export function localTime(at: Date, timeZone: string): { date: CalendarDate; minute: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}` as CalendarDate, minute: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60 };
}

/** How far the zone is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const { date, minute } = localTime(new Date(instant), timeZone);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d) + Math.round(minute * 60_000);
  return asUtc - (instant - (instant % 1000));
}

/** The instant at which the zone's clock shows `minute` on `date` (desk hours never fall in a DST gap). */
export function zonedInstant(date: CalendarDate, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + Math.round(minute * 60_000);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone); // once more: the offset may differ on the other side of a change
  return new Date(instant);
}

/** A year of closed days in a row means a broken holiday source, not a calendar. */
const MAX_DAYS = 400;

/** The instant `minutes` desk minutes after `receivedAt` (a request received while closed starts at the next opening). */
export function slaDeadline(receivedAt: Date, minutes: number, cal: SlaCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError("minutes must be positive");
  let { date, minute } = localTime(receivedAt, cal.timeZone);
  let left = minutes;
  for (let i = 0; i < MAX_DAYS; i++) {
    if (isBusinessDay(date, cal.isHoliday) && minute < cal.closesAt) {
      const start = Math.max(minute, cal.opensAt);
      const open = cal.closesAt - start;
      if (left <= open) return zonedInstant(date, start + left, cal.timeZone);
      left -= open;
    }
    date = addDays(date, 1);
    minute = 0;
  }
  throw new RangeError("no desk hours within a year");
}

/** Desk minutes between two instants (0 when `to` is not after `from`): how long a request waited. */
export function deskMinutesBetween(from: Date, to: Date, cal: SlaCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const a = localTime(from, cal.timeZone);
  const b = localTime(to, cal.timeZone);
  let total = 0;
  let date = a.date;
  for (let i = 0; i < MAX_DAYS * 10 && date <= b.date; i++) {
    if (isBusinessDay(date, cal.isHoliday)) {
      const start = Math.max(cal.opensAt, date === a.date ? a.minute : 0);
      const end = Math.min(cal.closesAt, date === b.date ? b.minute : 24 * 60);
      total += Math.max(0, end - start);
    }
    date = addDays(date, 1);
  }
  return total;
}
