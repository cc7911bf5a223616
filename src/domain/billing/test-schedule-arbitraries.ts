import fc from "fast-check";
import type { DunningPolicy } from "./dunning-policy";

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
