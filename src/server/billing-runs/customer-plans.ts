import { type LogEntry, runDaily } from "@/domain/billing/billing-simulation";
import { type IsHoliday, noHolidays } from "@/domain/billing/business-days";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { DunningPolicy } from "@/domain/billing/dunning-policy";
import { planSchedule } from "@/domain/billing/renewal-schedule";
import type { ScheduledAction } from "@/domain/billing/schedule-model";
import { customersBetween, runCandidatesAfter } from "@/server/billing-runs/billing-candidate-repository";
import { type CustomerBillingState, customerIdsAfter, loadBillingState } from "@/server/billing-runs/billing-state-repository";
import { publicHolidays } from "@/server/calendar/public-holidays";
import type { Db } from "@/server/db/types";

/** The group's public holidays; no country: weekends are the only days off. */
const holidaysOf = (policy: DunningPolicy): IsHoliday => (policy.holidayCountry ? publicHolidays(policy.holidayCountry, policy.holidayRegion) : noHolidays);

/** One customer's due actions up to `asOf` (their own calendar day), with their group's holidays. */
export function planCustomer(state: CustomerBillingState, asOf: CalendarDate): ScheduledAction[] {
  const { policy } = state;
  return planSchedule({ customerId: state.customerId, asOf, policy, isHoliday: holidaysOf(policy), subscriptions: state.subscriptions, invoices: state.invoices });
}

/**
 * What daily runs from `from` to `to` would do for one customer if nobody paid meanwhile, in memory:
 * each run sees what the previous ones did (an invoice issued on day 1 is reminded on day 6), so
 * reminders show on their own days rather than collapsed as one catch-up run would send them. A
 * customer with nothing due by `to` (the usual case) costs one plan, not one per day.
 */
export function simulateCustomer(state: CustomerBillingState, from: CalendarDate, to: CalendarDate): ScheduledAction[] {
  if (planCustomer(state, to).length === 0) return [];
  const log: LogEntry[] = [];
  runDaily({ customerId: state.customerId, subscriptions: state.subscriptions, invoices: state.invoices, holds: [] }, from, to, state.policy, holidaysOf(state.policy), log);
  // Nobody pays in a preview, so the log holds only scheduled actions; reinstatements cannot occur.
  return log.flatMap((e) => (e.applied && e.action.kind !== "REINSTATE" && e.action.kind !== "LENGTHEN_CYCLE" ? [e.action] : []));
}

/**
 * Every customer's billing state, a batch at a time in id order (or just the given customers, or only
 * the candidates chosen for a run, `candidatesOf`: chooseRunCandidates): memory stays flat in the
 * number of customers, and each batch costs four statements. `passed` counts the customers a batch went past (read or skipped), for progress.
 */
export async function* billingStateBatches(db: Db, batchSize: number, customerIds?: string[], candidatesOf?: string): AsyncGenerator<{ ids: string[]; states: CustomerBillingState[]; passed: number }> {
  if (customerIds) {
    yield { ids: customerIds, states: await loadBillingState(db, customerIds), passed: customerIds.length };
    return;
  }
  let after: string | null = null;
  for (;;) {
    const ids: string[] = candidatesOf ? await runCandidatesAfter(db, candidatesOf, after, batchSize) : await customerIdsAfter(db, after, batchSize);
    const last = ids.length < batchSize;
    // Skipped customers count as done: through this batch's last id, or to the end after the last batch.
    const passed = candidatesOf ? await customersBetween(db, after, last ? null : (ids.at(-1) ?? null)) : ids.length;
    if (ids.length === 0 && passed === 0) return;
    yield { ids, states: await loadBillingState(db, ids), passed };
    if (last) return;
    after = ids.at(-1) ?? null;
  }
}
