import { ZApiCustomerWithSites } from "@/contracts/api-responses";
import { ZUpdateCustomerInput } from "@/contracts/customers";
import { apiGetCustomer } from "@/server/api/api-queries";
import { updateCustomer } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../_lib/api-handler";

const params = ZUuidParams("customerId");

export const GET = apiHandler({ params }, async ({ params: p }) => {
  const customer = await apiGetCustomer(getDb(), p.customerId ?? "");
  return customer ? reply(200, ZApiCustomerWithSites, customer) : notFound("customer");
});

export const PATCH = apiHandler({ params, body: ZUpdateCustomerInput }, async ({ actor, params: p, body }) => {
  await updateCustomer(getDb(), actor, p.customerId ?? "", body, new Date());
  const customer = await apiGetCustomer(getDb(), p.customerId ?? "");
  return customer ? reply(200, ZApiCustomerWithSites, customer) : notFound("customer");
});
