import { addDays, type CalendarDate, todayIn } from "./calendar-date";

/**
 * A sent order can be accepted until its validity ends: the day it was sent (in the customer's
 * time zone) plus its validity period, that last day included. A draft has no validity yet.
 */
export function orderValidUntil(sentAt: Date | null, validityDays: number, timeZone: string): CalendarDate | null {
  return sentAt ? addDays(todayIn(timeZone, sentAt), validityDays) : null;
}

/** True once the last valid day is over, in the customer's calendar. */
export function isOrderExpired(validUntil: CalendarDate | null, today: CalendarDate): boolean {
  return validUntil !== null && today > validUntil;
}
