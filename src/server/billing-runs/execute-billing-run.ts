import type { CalendarDate } from "@/domain/billing/calendar-date";
import { isDomainError } from "@/domain/shared/domain-error";
import { type AppliedEffect, applyScheduledAction } from "@/server/billing-runs/apply-scheduled-action";
import { beatHeart, findRun, finishRun, markRunning } from "@/server/billing-runs/billing-run-repository";
import { billingStateBatches, planCustomer } from "@/server/billing-runs/customer-plans";
import { releaseSettledHolds } from "@/server/billing-runs/release-settled-holds";
import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";

export const EMPTY_COUNTS = {
  invoicesCreated: 0,
  linesCreated: 0,
  periodsStarted: 0,
  remindersSent: 0,
  suspensions: 0,
  terminations: 0,
  /** Holds on settled invoices that the run released (payments release theirs at once; see releaseSettledHolds). */
  reinstatements: 0,
  cyclesLengthened: 0,
  errors: 0,
};
export type BillingRunCounts = typeof EMPTY_COUNTS;

const BATCH = 200;

/**
 * Executes a queued run: every customer's schedule for `asOf` (their own calendar day), planned from
 * the database's state and applied action by action, each in its own keyed transaction (so a crash
 * or a second process never duplicates anything, and a re-run finishes what was left). A customer's
 * failure is recorded and the others go on; the next run retries it. The heartbeat after every batch
 * keeps the lease; losing it (the run was declared dead) stops the run. A dry run plans and counts only.
 */
export async function executeBillingRun(db: RootDb, runId: string, clock: () => Date = () => new Date(), onBatch?: (customersDone: number) => void) {
  if (!(await markRunning(db, runId, clock()))) return null;
  const run = await findRun(db, runId);
  if (!run) return null;
  const asOf = run.asOf.toISOString().slice(0, 10) as CalendarDate;
  const counts: BillingRunCounts = { ...EMPTY_COUNTS };
  const errors: { customerId: string | null; code: string }[] = [];
  let done = 0;
  for await (const { ids, states } of billingStateBatches(db, BATCH)) {
    for (const state of states) {
      try {
        for (const action of planCustomer(state, asOf)) {
          const effect: AppliedEffect = run.dryRun ? dryEffect(action.kind) : await applyScheduledAction(db, action, state.customerId, runId, clock());
          for (const [k, v] of Object.entries(effect)) counts[k as keyof BillingRunCounts] += v ?? 0;
        }
      } catch (e) {
        counts.errors += 1;
        errors.push({ customerId: state.customerId, code: isDomainError(e) ? e.code : "UNEXPECTED" });
        logger.error({ customerId: state.customerId, err: e instanceof Error ? e.message : String(e) }, "billing run: customer failed");
      }
    }
    done += ids.length;
    onBatch?.(done);
    if (!(await beatHeart(db, runId, clock(), counts, done))) {
      logger.warn({ runId }, "billing run: lease lost, stopping");
      return { status: "FAILED" as const, counts, errors };
    }
  }
  if (!run.dryRun) {
    try {
      const released = await releaseSettledHolds(db, clock());
      counts.reinstatements += released.reinstatements;
      counts.cyclesLengthened += released.cyclesLengthened;
    } catch (e) {
      counts.errors += 1;
      errors.push({ customerId: null, code: isDomainError(e) ? e.code : "UNEXPECTED" });
      logger.error({ err: e instanceof Error ? e.message : String(e) }, "billing run: releasing settled holds failed");
    }
  }
  await finishRun(db, runId, { status: "SUCCEEDED", counts, errors, now: clock() });
  return { status: "SUCCEEDED" as const, counts, errors };
}

function dryEffect(kind: string): AppliedEffect {
  if (kind === "ISSUE_RENEWAL") return { invoicesCreated: 1 };
  if (kind === "START_PERIOD") return { periodsStarted: 1 };
  if (kind === "SEND_REMINDER") return { remindersSent: 1 };
  if (kind === "TERMINATE") return { terminations: 1 };
  return { suspensions: 1 };
}
