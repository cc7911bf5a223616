import fc from "fast-check";
import { type BillingCycleName, firstPeriod } from "./billing-cycle";
import { addDays, type CalendarDate, parts } from "./calendar-date";
import type { DunningPolicy } from "./dunning-policy";
import type { ScheduleSubscription } from "./schedule-model";
import type { CustomerState } from "./billing-simulation";
import { anyDate } from "./test-arbitraries";

/** For property tests only (fast-check is a dev dependency): never import this from app code. */

/**
 * A coherent dunning policy: any lead from 0 to 20 days, reminders strictly between the issue day
 * and the due date, termination after suspension. Sizes stay small so a 60-day range sees every
 * step of several invoices.
 */
export const anyPolicy: fc.Arbitrary<DunningPolicy> = fc
  .record({
    renewalLeadDays: fc.integer({ min: 0, max: 20 }),
    reminderPicks: fc.uniqueArray(fc.integer({ min: 1, max: 19 }), { maxLength: 4 }),
    suspendAfterDays: fc.integer({ min: 0, max: 6 }),
    suspendAllAfterBusinessDays: fc.integer({ min: 0, max: 8 }),
    terminateGap: fc.integer({ min: 1, max: 25 }),
    lengthenCycleAfterReinstatement: fc.boolean(),
  })
  .map((r) => ({
    renewalLeadDays: r.renewalLeadDays,
    reminderDaysBeforeDue: r.reminderPicks.filter((days) => days < r.renewalLeadDays).sort((a, b) => b - a),
    suspendAfterDays: r.suspendAfterDays,
    suspendAllAfterBusinessDays: r.suspendAllAfterBusinessDays,
    terminateAfterDays: r.suspendAfterDays + r.terminateGap,
    lengthenCycleAfterReinstatement: r.lengthenCycleAfterReinstatement,
    holidayCountry: null,
    holidayRegion: null,
  }));

/** A customer's starting point for a 60-day range: subscriptions only, renewals falling in the range or just before. */
export interface ScheduleScenario {
  readonly start: CalendarDate;
  readonly policy: DunningPolicy;
  readonly holidays: readonly CalendarDate[];
  readonly state: CustomerState;
  /** How many days after its issue an invoice is paid in full, null if never (a pure function of its key). */
  readonly payAfter: (invoiceKey: string) => number | null;
}

// Mostly monthly, so that 60 days see several renewals; the longer cycles renew less often.
const CYCLE_WEIGHTS: readonly BillingCycleName[] = [
  ...Array<BillingCycleName>(6).fill("MONTHLY"),
  ...(["QUARTERLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL", "BIENNIAL"] as const),
];
const anyCycle = fc.constantFrom(...CYCLE_WEIGHTS);
const anyOffset = fc.integer({ min: -70, max: 40 });

export const anyScenario = (
  policy: fc.Arbitrary<DunningPolicy> = anyPolicy,
): fc.Arbitrary<ScheduleScenario> =>
  fc
    .record({
      start: anyDate,
      policy,
      // A scenario's subscriptions mostly start on one of two days, so several renew on the same
      // day (one invoice for them all); the others start anywhere, some already due to renew.
      shared: fc.tuple(fc.integer({ min: -35, max: 5 }), fc.integer({ min: -35, max: 5 })),
      subscriptions: fc.array(
        fc.record({ pick: fc.integer({ min: 0, max: 4 }), offset: anyOffset, cycle: anyCycle }),
        { minLength: 1, maxLength: 4 },
      ),
      cancelled: fc.nat({ max: 9 }),
      holidayOffsets: fc.uniqueArray(fc.integer({ min: -5, max: 120 }), { maxLength: 12 }),
      payAfter: fc.func(
        fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })), { nil: null, freq: 3 }),
      ),
    })
    .map((r) => ({
      start: r.start,
      policy: r.policy,
      holidays: r.holidayOffsets.map((o) => addDays(r.start, o)),
      payAfter: (key: string) => r.payAfter(key),
      state: {
        customerId: "c1",
        invoices: [],
        holds: [],
        subscriptions: r.subscriptions.map((s, i): ScheduleSubscription => {
          const first = addDays(r.start, s.pick < 2 ? r.shared[0] : s.pick < 3 ? r.shared[1] : s.offset);
          return {
            id: `s${i}`,
            customerId: "c1",
            // One scenario in ten has a cancelled subscription, which nothing may touch.
            status: r.cancelled === 0 && i === 0 ? "CANCELLED" : "ACTIVE",
            cycle: s.cycle,
            anchorDay: parts(first).day,
            currentPeriod: firstPeriod(first, s.cycle),
            reinstatedOn: null,
          };
        }),
      },
    }));
