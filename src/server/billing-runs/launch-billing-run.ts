import { type CalendarDate, todayIn } from "@/domain/billing/calendar-date";
import type { BillingRunRow } from "@/server/billing-runs/billing-run-repository";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";

/**
 * A billing run asked for by a person (back-office) or a client (API): queued, then executed in the
 * background of this process, so the answer comes at once and the run is followed by its id.
 * "The future" is after today in the earliest time zone (UTC+14), so no customer's today is refused;
 * COMPTOIR_TEST_CLOCK=1 lifts the rule for tests and demos.
 */
export async function launchBillingRun(db: RootDb, input: { asOf: CalendarDate; dryRun: boolean; requestedBy: string }, now: Date): Promise<BillingRunRow> {
  const run = await startBillingRun(db, input, todayIn("Pacific/Kiritimati", now), now, process.env.COMPTOIR_TEST_CLOCK === "1");
  void executeBillingRun(db, run.id).catch((e: unknown) => logger.error({ runId: run.id, err: e instanceof Error ? e.message : String(e) }, "billing run failed"));
  return run;
}
