import { apiPageRequest, listBody } from "@/contracts/api";
import { ZApiBillingRun, ZApiBillingRunPage } from "@/contracts/api-responses";
import { ZBillingRunListQuery, ZStartBillingRunInput } from "@/contracts/billing-runs";
import { calendarDate, todayIn } from "@/domain/billing/calendar-date";
import { billingRunDto } from "@/server/billing-runs/billing-run-dto";
import { listRuns } from "@/server/billing-runs/billing-run-repository";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/logger";
import { apiHandler, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZBillingRunListQuery }, async ({ query }) => {
  const page = await listRuns(getDb(), apiPageRequest(query));
  return reply(200, ZApiBillingRunPage, listBody({ ...page, items: page.items.map(billingRunDto) }));
});

/**
 * Queues a run and starts it in this process; the answer is the queued run (poll GET
 * /billing-runs/{id}). "The future" is after today in the earliest time zone (UTC+14), so no
 * customer's today is refused; COMPTOIR_TEST_CLOCK=1 lifts the rule for tests and demos.
 */
export const POST = apiHandler({ body: ZStartBillingRunInput }, async ({ actor, body }) => {
  const now = new Date();
  const run = await startBillingRun(getDb(), { asOf: calendarDate(body.asOf), dryRun: body.dryRun, requestedBy: actor.email }, todayIn("Pacific/Kiritimati", now), now, process.env.COMPTOIR_TEST_CLOCK === "1");
  void executeBillingRun(getDb(), run.id).catch((e: unknown) => logger.error({ runId: run.id, err: e instanceof Error ? e.message : String(e) }, "billing run failed"));
  return reply(201, ZApiBillingRun, billingRunDto(run));
});
