import { ZApiBillingRun } from "@/contracts/api-responses";
import { billingRunDto } from "@/server/billing-runs/billing-run-dto";
import { findRun } from "@/server/billing-runs/billing-run-repository";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("runId") }, async ({ params }) => {
  const run = await findRun(getDb(), params.runId ?? "");
  return run ? reply(200, ZApiBillingRun, billingRunDto(run)) : notFound("billing run");
});
