import type { CalendarDate } from "@/domain/billing/calendar-date";
import { isDomainError } from "@/domain/shared/domain-error";
import { applyPlansInBatch, type CustomerPlan, isBatchable } from "@/server/billing-runs/apply-plans-in-batch";
import { type AppliedEffect, applyScheduledAction } from "@/server/billing-runs/apply-scheduled-action";
import { beatHeart, findRun, finishRun, markRunning } from "@/server/billing-runs/billing-run-repository";
import { chooseRunCandidates, clearRunCandidates } from "@/server/billing-runs/billing-candidate-repository";
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

/**
 * Customers per batch, at most: a batch's everyday actions are one transaction of a constant number
 * of statements, so fewer, larger batches cost fewer round trips (bench/billing-run.ts). The run's
 * candidates are cut into even batches (1,651 candidates: two of 826, not 1,000 and 651), and there
 * is no smaller first batch any more: a batch of a thousand applies in about a tenth of a second, so
 * progress shows at once anyway, and the extra transaction cost a 10,000-customer day about 7 % of its time.
 * BILLING_RUN_BATCH_SIZE lowers it for tests that must kill a run between two batches.
 */
const BATCH = Math.max(1, Number(process.env.BILLING_RUN_BATCH_SIZE ?? 1000) || 1000);

/** The size of `count` candidates' batches: as few as BATCH allows, as even as can be. */
export const evenBatchSize = (count: number, most = BATCH): number =>
  count <= 0 ? most : Math.ceil(count / Math.ceil(count / most));

/**
 * Executes a queued run: every customer's schedule for `asOf` (their own calendar day), planned from
 * the database's state a batch of customers at a time, and applied in keyed transactions (a batch's
 * everyday actions in one set-based transaction, the rest action by action; so a crash or a second
 * process never duplicates anything, and a re-run finishes what was left). A customer's failure is
 * recorded and the others go on; the next run retries it. The heartbeat after every batch
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
  const add = (effect: AppliedEffect) => {
    for (const [k, v] of Object.entries(effect)) counts[k as keyof BillingRunCounts] += v ?? 0;
  };
  const fail = (customerId: string, e: unknown) => {
    counts.errors += 1;
    errors.push({ customerId, code: isDomainError(e) ? e.code : "UNEXPECTED" });
    logger.error({ customerId, err: e instanceof Error ? e.message : String(e) }, "billing run: customer failed");
  };
  // Only the customers who may have something due are read and planned (chooseRunCandidates).
  const candidates = await chooseRunCandidates(db, runId, asOf);
  const batches = billingStateBatches(db, evenBatchSize(candidates), undefined, runId)[Symbol.asyncIterator]();
  const readAndPlan = async () => {
    const next = await batches.next();
    if (next.done) return null;
    const plans: CustomerPlan[] = [];
    for (const state of next.value.states) {
      try {
        plans.push({ customerId: state.customerId, actions: planCustomer(state, asOf) });
      } catch (e) {
        fail(state.customerId, e);
      }
    }
    return { plans, passed: next.value.passed };
  };
  let batch = await readAndPlan();
  while (batch) {
    // The next batch is read and planned while this one is applied (the database and this process
    // work at once). Batches hold different customers, whose state no other batch writes, and the
    // apply path re-checks what may have moved since planning (payments, claims, keys).
    const following = readAndPlan();
    following.catch(() => {}); // awaited below; this only keeps an early return from leaving it unhandled
    if (run.dryRun) {
      for (const action of batch.plans.flatMap((p) => p.actions)) add(dryEffect(action.kind));
    } else {
      await applyPlans(db, batch.plans, runId, clock(), add, fail);
    }
    done += batch.passed;
    onBatch?.(done);
    if (!(await beatHeart(db, runId, clock(), counts, done))) {
      logger.warn({ runId }, "billing run: lease lost, stopping");
      await following.catch(() => {});
      return { status: "FAILED" as const, counts, errors };
    }
    batch = await following;
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
  await clearRunCandidates(db, runId);
  return { status: "SUCCEEDED" as const, counts, errors };
}

/**
 * The plans of one batch of customers: the batchable ones together in one set-based transaction (a
 * constant number of statements), the others, and all of them if that transaction fails, action by
 * action in their own transactions, so one customer's failure is theirs alone.
 */
async function applyPlans(db: RootDb, plans: CustomerPlan[], runId: string, now: Date, add: (e: AppliedEffect) => void, fail: (customerId: string, e: unknown) => void) {
  const batchable = plans.filter((p) => p.actions.length > 0 && isBatchable(p));
  let single = plans.filter((p) => p.actions.length > 0 && !isBatchable(p));
  try {
    add(await applyPlansInBatch(db, batchable, runId, now));
  } catch (e) {
    logger.warn({ runId, customers: batchable.length, err: e instanceof Error ? e.message : String(e) }, "billing run: batch rolled back, applying its plans one action at a time");
    single = [...batchable, ...single];
  }
  for (const plan of single) {
    try {
      for (const action of plan.actions) add(await applyScheduledAction(db, action, plan.customerId, runId, now));
    } catch (e) {
      fail(plan.customerId, e);
    }
  }
}

function dryEffect(kind: string): AppliedEffect {
  if (kind === "ISSUE_RENEWAL") return { invoicesCreated: 1 };
  if (kind === "START_PERIOD") return { periodsStarted: 1 };
  if (kind === "SEND_REMINDER") return { remindersSent: 1 };
  if (kind === "TERMINATE") return { terminations: 1 };
  return { suspensions: 1 };
}
