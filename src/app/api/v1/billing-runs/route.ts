import { apiPageRequest, listBody } from "@/contracts/api";
import { ZApiBillingRun, ZApiBillingRunPage } from "@/contracts/api-responses";
import { ZBillingRunListQuery, ZStartBillingRunInput } from "@/contracts/billing-runs";
import { calendarDate } from "@/domain/billing/calendar-date";
import { billingRunDto } from "@/server/billing-runs/billing-run-dto";
import { listRuns } from "@/server/billing-runs/billing-run-repository";
import { launchBillingRun } from "@/server/billing-runs/launch-billing-run";
import { getDb } from "@/server/db/client";
import { apiHandler, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZBillingRunListQuery }, async ({ query }) => {
  const page = await listRuns(getDb(), apiPageRequest(query));
  return reply(200, ZApiBillingRunPage, listBody({ ...page, items: page.items.map(billingRunDto) }));
});

/** Queues a run and starts it in this process; the answer is the queued run (poll GET /billing-runs/{id}). */
export const POST = apiHandler({ body: ZStartBillingRunInput }, async ({ actor, body }) => {
  const run = await launchBillingRun(getDb(), { asOf: calendarDate(body.asOf), dryRun: body.dryRun, requestedBy: actor.email }, new Date());
  return reply(201, ZApiBillingRun, billingRunDto(run));
});
