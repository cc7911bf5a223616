import { ZApiSubscriptionWithHistory } from "@/contracts/api-responses";
import { apiGetSubscription } from "@/server/api/api-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("subscriptionId") }, async ({ params }) => {
  const s = await apiGetSubscription(getDb(), params.subscriptionId ?? "");
  return s ? reply(200, ZApiSubscriptionWithHistory, s) : notFound("subscription");
});
