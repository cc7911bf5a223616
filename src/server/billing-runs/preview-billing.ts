import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { ScheduledAction } from "@/domain/billing/schedule-model";
import { isDomainError } from "@/domain/shared/domain-error";
import { billingStateBatches, planCustomer, simulateCustomer } from "@/server/billing-runs/customer-plans";
import type { Db } from "@/server/db/types";

export type ScheduledActionKind = ScheduledAction["kind"];

export interface BillingPreview {
  asOf: CalendarDate;
  customersRead: number;
  counts: Record<ScheduledActionKind, number>;
  /** The same counts per day the actions fall due (their `on`), for every action, not only the detailed customers. */
  byDay: Map<CalendarDate, Record<ScheduledActionKind, number>>;
  /** The customers with something due, with their actions in the order they would be applied (at most `detailLimit`). */
  customers: { customerId: string; actions: ScheduledAction[] }[];
  errors: { customerId: string; code: string }[];
}

const NO_ACTIONS: Record<ScheduledActionKind, number> = { ISSUE_RENEWAL: 0, START_PERIOD: 0, SEND_REMINDER: 0, SUSPEND: 0, SUSPEND_ALL: 0, TERMINATE: 0 };

/**
 * What a billing run dated `asOf` would do, changing nothing: every customer's schedule planned from
 * the database's state, in batches (four statements per batch, memory flat in the number of
 * customers). `asOf` is each customer's own calendar day. A later `asOf` previews the days until then.
 * With `from`, the days from `from` to `asOf` are simulated one run per day (simulateCustomer), as
 * daily runs would go, instead of one catch-up run dated `asOf`.
 * One customer's failure is reported and the others go on.
 */
export async function previewBilling(
  db: Db,
  asOf: CalendarDate,
  opts: { from?: CalendarDate; customerIds?: string[]; batchSize?: number; detailLimit?: number; onBatch?: (customersRead: number) => void } = {},
): Promise<BillingPreview> {
  const batchSize = opts.batchSize ?? 500;
  const detailLimit = opts.detailLimit ?? 100;
  const preview: BillingPreview = { asOf, customersRead: 0, counts: { ...NO_ACTIONS }, byDay: new Map(), customers: [], errors: [] };
  for await (const { ids, states } of billingStateBatches(db, batchSize, opts.customerIds)) {
    for (const state of states) {
      try {
        const actions = opts.from ? simulateCustomer(state, opts.from, asOf) : planCustomer(state, asOf);
        for (const a of actions) {
          preview.counts[a.kind] += 1;
          const day = preview.byDay.get(a.on) ?? { ...NO_ACTIONS };
          day[a.kind] += 1;
          preview.byDay.set(a.on, day);
        }
        if (actions.length > 0 && preview.customers.length < detailLimit) preview.customers.push({ customerId: state.customerId, actions });
      } catch (e) {
        preview.errors.push({ customerId: state.customerId, code: isDomainError(e) ? e.code : "UNEXPECTED" });
      }
    }
    preview.customersRead += ids.length;
    opts.onBatch?.(preview.customersRead);
  }
  return preview;
}
