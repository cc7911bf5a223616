import { DomainError } from "@/domain/shared/domain-error";
import { addDays, type CalendarDate, compareDates, daysBetween, formatCalendarDate } from "./calendar-date";

/**
 * A service period: half-open [start, end). January is [2026-01-01, 2026-02-01): consecutive periods
 * share a boundary and never overlap or leave a gap. People see it inclusive: 1 Jan – 31 Jan.
 */
export interface Period {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

export function makePeriod(start: CalendarDate, end: CalendarDate): Period {
  if (compareDates(end, start) <= 0) throw new DomainError("INVALID_PERIOD", { start, end });
  return { start, end };
}

export const periodDays = (p: Period): number => daysBetween(p.start, p.end);
export const periodContains = (p: Period, d: CalendarDate): boolean => compareDates(p.start, d) <= 0 && compareDates(d, p.end) < 0;
export const periodsOverlap = (a: Period, b: Period): boolean => compareDates(a.start, b.end) < 0 && compareDates(b.start, a.end) < 0;

/** The first and last day of service, both included, as people read it. */
export const inclusiveBounds = (p: Period): { from: CalendarDate; to: CalendarDate } => ({ from: p.start, to: addDays(p.end, -1) });

export function formatPeriod(p: Period, locale: string): string {
  const { from, to } = inclusiveBounds(p);
  return `${formatCalendarDate(from, locale)} – ${formatCalendarDate(to, locale)}`;
}
