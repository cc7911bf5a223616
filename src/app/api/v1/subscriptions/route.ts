import { listBody, pageOf, ZByCustomerQuery } from "@/contracts/api";
import { ZCreateSubscriptionInput } from "@/contracts/billing";
import { apiGetSubscription, apiListSubscriptions } from "@/server/api/api-queries";
import { getDb } from "@/server/db/client";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { apiHandler, json } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const { data, total } = await apiListSubscriptions(getDb(), { customerId: query.customerId, ...pageOf(query) });
  return json(200, listBody(data, total, query));
});

export const POST = apiHandler({ body: ZCreateSubscriptionInput }, async ({ actor, body }) => {
  const { subscriptionId } = await createSubscription(getDb(), actor, body, new Date());
  return json(201, await apiGetSubscription(getDb(), subscriptionId));
});
