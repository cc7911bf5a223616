import { ZApiBillingPreview } from "@/contracts/api-responses";
import { ZApiBillingPreviewQuery } from "@/contracts/billing-runs";
import { todayIn } from "@/domain/billing/calendar-date";
import { previewComingDays } from "@/server/billing-runs/billing-run-views";
import { env } from "@/server/config";
import { getDb } from "@/server/db/client";
import { apiHandler, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZApiBillingPreviewQuery }, async ({ query }) => {
  const preview = await previewComingDays(getDb(), todayIn(env().BILLING_TIME_ZONE, new Date()), query.days);
  return reply(200, ZApiBillingPreview, preview);
});
