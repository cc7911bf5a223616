import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";

/**
 * When autopay charges a renewal invoice with the customer's default method: on its due date, then,
 * after a failure, again 1, 3 and 5 days after the due date (the customer is told each time, with a
 * link to pay by hand). After the last retry autopay stops for that invoice; dunning goes on as for
 * any unpaid invoice, since it never waited for autopay.
 */
export const AUTOPAY_RETRY_DAYS = [1, 3, 5] as const;

/** The day of attempt `n` (0 = the first, on the due date); null when no attempt `n` exists. */
export function autopayAttemptDay(dueDate: CalendarDate, n: number): CalendarDate | null {
  if (n === 0) return dueDate;
  const offset = AUTOPAY_RETRY_DAYS[n - 1];
  return offset === undefined ? null : addDays(dueDate, offset);
}

/**
 * The attempt a run dated `today` should make, given how many were made: the latest one that has
 * fallen due (a run that missed days makes one attempt, not a burst), or null when none is due yet
 * or all were made.
 */
export function dueAutopayAttempt(dueDate: CalendarDate, attemptsMade: number, today: CalendarDate): number | null {
  let due: number | null = null;
  for (let n = attemptsMade; ; n++) {
    const day = autopayAttemptDay(dueDate, n);
    if (day === null || day > today) break;
    due = n;
  }
  return due;
}
