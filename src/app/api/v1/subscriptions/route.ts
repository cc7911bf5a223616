import { apiPageRequest, listBody, ZByCustomerQuery } from "@/contracts/api";
import { ZApiSubscriptionPage, ZApiSubscriptionWithHistory } from "@/contracts/api-responses";
import { ZCreateSubscriptionInput } from "@/contracts/billing";
import { apiGetSubscription, apiListSubscriptions } from "@/server/api/api-queries";
import { getDb } from "@/server/db/client";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const page = await apiListSubscriptions(getDb(), { customerId: query.customerId }, apiPageRequest(query));
  return reply(200, ZApiSubscriptionPage, listBody(page));
});

export const POST = apiHandler({ body: ZCreateSubscriptionInput }, async ({ actor, body }) => {
  const { subscriptionId } = await createSubscription(getDb(), actor, body, new Date());
  const subscription = await apiGetSubscription(getDb(), subscriptionId);
  return subscription ? reply(201, ZApiSubscriptionWithHistory, subscription) : notFound("subscription");
});
