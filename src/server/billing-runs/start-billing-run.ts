import { type CalendarDate, compareDates, toUtcMidnight } from "@/domain/billing/calendar-date";
import { DomainError } from "@/domain/shared/domain-error";
import { type BillingRunRow, failStaleRuns, insertQueuedRun } from "@/server/billing-runs/billing-run-repository";
import type { RootDb } from "@/server/db/types";

/**
 * Queues the billing run for `asOf`. One run at a time, whichever instance asks (409
 * BILLING_RUN_IN_PROGRESS); a run whose process died is failed first, so a crash never blocks billing.
 * A date after `today` is refused unless the test clock is on (COMPTOIR_TEST_CLOCK=1): billing the
 * future would issue invoices and suspend services early.
 */
export async function startBillingRun(
  db: RootDb,
  input: { asOf: CalendarDate; dryRun: boolean; requestedBy: string },
  today: CalendarDate,
  now: Date,
  testClock: boolean,
): Promise<BillingRunRow> {
  if (!testClock && compareDates(input.asOf, today) > 0) throw new DomainError("AS_OF_IN_FUTURE", { field: "asOf", reason: "AS_OF_IN_FUTURE" });
  await failStaleRuns(db, now);
  const run = await insertQueuedRun(db, { asOf: toUtcMidnight(input.asOf), dryRun: input.dryRun, requestedBy: input.requestedBy, now });
  if (!run) throw new DomainError("BILLING_RUN_IN_PROGRESS");
  return run;
}
