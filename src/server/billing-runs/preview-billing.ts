import { noHolidays } from "@/domain/billing/business-days";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { planSchedule } from "@/domain/billing/renewal-schedule";
import type { ScheduledAction } from "@/domain/billing/schedule-model";
import { isDomainError } from "@/domain/shared/domain-error";
import { customerIdsAfter, loadBillingState } from "@/server/billing-runs/billing-state-repository";
import { publicHolidays } from "@/server/calendar/public-holidays";
import type { Db } from "@/server/db/types";

export type ScheduledActionKind = ScheduledAction["kind"];

export interface BillingPreview {
  asOf: CalendarDate;
  customersRead: number;
  counts: Record<ScheduledActionKind, number>;
  /** The customers with something due, with their actions in the order they would be applied (at most `detailLimit`). */
  customers: { customerId: string; actions: ScheduledAction[] }[];
  errors: { customerId: string; code: string }[];
}

const NO_ACTIONS: Record<ScheduledActionKind, number> = { ISSUE_RENEWAL: 0, START_PERIOD: 0, SEND_REMINDER: 0, SUSPEND: 0, SUSPEND_ALL: 0, TERMINATE: 0 };

/**
 * What a billing run dated `asOf` would do, changing nothing: every customer's schedule planned from
 * the database's state, in batches (four statements per batch, memory flat in the number of
 * customers). `asOf` is each customer's own calendar day. A later `asOf` previews the days until then.
 * One customer's failure is reported and the others go on.
 */
export async function previewBilling(
  db: Db,
  asOf: CalendarDate,
  opts: { customerIds?: string[]; batchSize?: number; detailLimit?: number; onBatch?: (customersRead: number) => void } = {},
): Promise<BillingPreview> {
  const batchSize = opts.batchSize ?? 500;
  const detailLimit = opts.detailLimit ?? 100;
  const preview: BillingPreview = { asOf, customersRead: 0, counts: { ...NO_ACTIONS }, customers: [], errors: [] };
  let after: string | null = null;
  for (;;) {
    const ids: string[] = opts.customerIds ?? (await customerIdsAfter(db, after, batchSize));
    if (ids.length === 0) break;
    for (const state of await loadBillingState(db, ids)) {
      try {
        const actions = planSchedule({
          customerId: state.customerId,
          asOf,
          policy: state.policy,
          // No country: weekends are the only days off.
          isHoliday: state.policy.holidayCountry ? publicHolidays(state.policy.holidayCountry, state.policy.holidayRegion) : noHolidays,
          subscriptions: state.subscriptions,
          invoices: state.invoices,
        });
        for (const a of actions) preview.counts[a.kind] += 1;
        if (actions.length > 0 && preview.customers.length < detailLimit) preview.customers.push({ customerId: state.customerId, actions });
      } catch (e) {
        preview.errors.push({ customerId: state.customerId, code: isDomainError(e) ? e.code : "UNEXPECTED" });
      }
    }
    preview.customersRead += ids.length;
    opts.onBatch?.(preview.customersRead);
    if (opts.customerIds || ids.length < batchSize) break;
    after = ids.at(-1) ?? null;
  }
  return preview;
}
