import { noHolidays } from "@/domain/billing/business-days";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { planSchedule } from "@/domain/billing/renewal-schedule";
import type { ScheduledAction } from "@/domain/billing/schedule-model";
import { type CustomerBillingState, customerIdsAfter, loadBillingState } from "@/server/billing-runs/billing-state-repository";
import { publicHolidays } from "@/server/calendar/public-holidays";
import type { Db } from "@/server/db/types";

/** One customer's due actions up to `asOf` (their own calendar day), with their group's holidays. */
export function planCustomer(state: CustomerBillingState, asOf: CalendarDate): ScheduledAction[] {
  const { policy } = state;
  return planSchedule({
    customerId: state.customerId,
    asOf,
    policy,
    // No country: weekends are the only days off.
    isHoliday: policy.holidayCountry ? publicHolidays(policy.holidayCountry, policy.holidayRegion) : noHolidays,
    subscriptions: state.subscriptions,
    invoices: state.invoices,
  });
}

/**
 * Every customer's billing state, a batch at a time in id order (or just the given customers): memory
 * stays flat in the number of customers, and each batch costs four statements. Batches start at
 * `firstBatchSize` and double up to `batchSize`.
 */
export async function* billingStateBatches(db: Db, batchSize: number, customerIds?: string[], firstBatchSize = batchSize): AsyncGenerator<{ ids: string[]; states: CustomerBillingState[] }> {
  if (customerIds) {
    yield { ids: customerIds, states: await loadBillingState(db, customerIds) };
    return;
  }
  let after: string | null = null;
  for (let size = Math.min(firstBatchSize, batchSize); ; size = Math.min(size * 2, batchSize)) {
    const ids = await customerIdsAfter(db, after, size);
    if (ids.length === 0) return;
    yield { ids, states: await loadBillingState(db, ids) };
    if (ids.length < size) return;
    after = ids.at(-1) ?? null;
  }
}

/** How many batches billingStateBatches makes of `customers` (for progress bars). */
export function batchCount(customers: number, batchSize: number, firstBatchSize = batchSize): number {
  let count = 0;
  for (let left = customers, size = Math.min(firstBatchSize, batchSize); left > 0; left -= size, size = Math.min(size * 2, batchSize)) count += 1;
  return Math.max(1, count);
}
