import { ZUpdateCustomerInput } from "@/contracts/customers";
import { apiGetCustomer } from "@/server/api/api-queries";
import { updateCustomer } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { apiHandler, json, ZUuidParams } from "../../_lib/api-handler";

const params = ZUuidParams("customerId");

export const GET = apiHandler({ params }, async ({ params: p }) => {
  const customer = await apiGetCustomer(getDb(), p.customerId ?? "");
  return customer ? json(200, customer) : json(404, { error: { code: "NOT_FOUND", message: "customer not found" } });
});

export const PATCH = apiHandler({ params, body: ZUpdateCustomerInput }, async ({ actor, params: p, body }) => {
  await updateCustomer(getDb(), actor, p.customerId ?? "", body, new Date());
  return json(200, await apiGetCustomer(getDb(), p.customerId ?? ""));
});
