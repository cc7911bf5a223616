import type { CalendarDate } from "@/domain/billing/calendar-date";
import { isDomainError } from "@/domain/shared/domain-error";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { billSupportTime } from "@/server/support/banks/bill-support-time";

/**
 * The daily job's handler: bills `date` (the scheduler's day). If a run is already in progress
 * (started by hand, or by another instance), this one stands aside: the queue will not run the same
 * date twice, and the next date catches up whatever this one would have done.
 */
export async function runScheduledBilling(db: RootDb, date: CalendarDate, now: () => Date = () => new Date()) {
  try {
    const run = await startBillingRun(db, { asOf: date, dryRun: false, requestedBy: "scheduler" }, date, now(), false);
    const result = await executeBillingRun(db, run.id, now);
    logger.info({ runId: run.id, date, counts: result?.counts }, "scheduled billing run finished");
    await billSupportTimeAfterRun(db, now());
    return result;
  } catch (e) {
    if (isDomainError(e) && e.code === "BILLING_RUN_IN_PROGRESS") {
      logger.warn({ date }, "scheduled billing run skipped: another run is in progress");
      await billSupportTimeAfterRun(db, now());
      return null;
    }
    throw e;
  }
}

/**
 * After the run, the support time no bank covered is billed (issue 18). Its failure is logged, not
 * thrown: a retry of the whole job would not bill subscriptions twice, but a stuck support invoice
 * must not hold the day's renewals hostage either; tomorrow's job or the staff button picks it up.
 */
async function billSupportTimeAfterRun(db: RootDb, now: Date) {
  try {
    const { invoiceIds, withoutRate } = await billSupportTime(db, null, now);
    logger.info({ invoices: invoiceIds.length, withoutRate: withoutRate.length }, "support time billed");
  } catch (e) {
    logger.error({ err: e instanceof Error ? e.message : String(e) }, "billing support time failed");
  }
}
