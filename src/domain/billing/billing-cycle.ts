import { DomainError } from "@/domain/shared/domain-error";
import { addMonthsAnchored, type CalendarDate, compareDates, parts } from "./calendar-date";
import { divideRounded } from "./money";
import { makePeriod, type Period, periodDays } from "./period";

export const BILLING_CYCLES = ["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL", "BIENNIAL"] as const;
export type BillingCycleName = (typeof BILLING_CYCLES)[number];

export const CYCLE_MONTHS: Record<BillingCycleName, number> = { MONTHLY: 1, QUARTERLY: 3, SEMIANNUAL: 6, ANNUAL: 12, BIENNIAL: 24 };

/**
 * The k-th service period of a subscription that started on `start` (k = 0 is the first), with the
 * start's day of month as anchor: monthly from Jan 31 gives [Jan 31, Feb 28), [Feb 28, Mar 31), ...
 */
export function nthPeriod(start: CalendarDate, cycle: BillingCycleName, k: number, anchorDay: number = parts(start).day): Period {
  const months = CYCLE_MONTHS[cycle];
  return makePeriod(addMonthsAnchored(start, k * months, anchorDay), addMonthsAnchored(start, (k + 1) * months, anchorDay));
}

/** The period that follows `current`, keeping the subscription's anchor day. */
export function periodAfter(current: Period, cycle: BillingCycleName, anchorDay: number): Period {
  const months = CYCLE_MONTHS[cycle];
  return makePeriod(current.end, addMonthsAnchored(current.end, months, anchorDay));
}

/** The first period of a new subscription starting on `start`. */
export const firstPeriod = (start: CalendarDate, cycle: BillingCycleName): Period => nthPeriod(start, cycle, 0);

/**
 * A full-period amount prorated to a part of it, by days, rounded half away from zero. The part must
 * lie within the full period: prorating beyond it would charge more than the full price.
 */
export function prorate(amountMinor: number, full: Period, part: Period): number {
  if (compareDates(part.start, full.start) < 0 || compareDates(full.end, part.end) < 0 || periodDays(part) <= 0) {
    throw new DomainError("INVALID_PERIOD", { reason: "PART_OUTSIDE_FULL_PERIOD", full, part });
  }
  return divideRounded(amountMinor * periodDays(part), periodDays(full));
}
