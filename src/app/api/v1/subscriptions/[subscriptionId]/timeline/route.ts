import { z } from "zod";
import { ZApiTimeline } from "@/contracts/api-responses";
import { getDb } from "@/server/db/client";
import { getSubscriptionTimeline } from "@/server/timelines/get-subscription-timeline";
import { apiHandler, notFound, reply } from "../../../_lib/api-handler";

// Parsed here rather than by apiHandler's params schema: a malformed id is a 400 naming the field.
const ZParams = z.object({ subscriptionId: z.uuid() });

export const GET = apiHandler({}, async ({ params }) => {
  const { subscriptionId } = ZParams.parse(params);
  const data = await getSubscriptionTimeline(getDb(), subscriptionId);
  return data ? reply(200, ZApiTimeline, { data }) : notFound("subscription");
});
