import { listBody, pageOf, ZByCustomerQuery } from "@/contracts/api";
import { ZApiSubscriptionPage, ZApiSubscriptionWithHistory } from "@/contracts/api-responses";
import { ZCreateSubscriptionInput } from "@/contracts/billing";
import { apiGetSubscription, apiListSubscriptions } from "@/server/api/api-queries";
import { getDb } from "@/server/db/client";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const { data, total } = await apiListSubscriptions(getDb(), { customerId: query.customerId, ...pageOf(query) });
  return reply(200, ZApiSubscriptionPage, listBody(data, total, query));
});

export const POST = apiHandler({ body: ZCreateSubscriptionInput }, async ({ actor, body }) => {
  const { subscriptionId } = await createSubscription(getDb(), actor, body, new Date());
  const subscription = await apiGetSubscription(getDb(), subscriptionId);
  return subscription ? reply(201, ZApiSubscriptionWithHistory, subscription) : notFound("subscription");
});
