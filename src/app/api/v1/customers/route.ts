import { listBody, pageOf, ZCustomerListQuery } from "@/contracts/api";
import { ZCreateCustomerInput } from "@/contracts/customers";
import { apiGetCustomer, apiListCustomers } from "@/server/api/api-queries";
import { createCustomer } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { apiHandler, json } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZCustomerListQuery }, async ({ query }) => {
  const { data, total } = await apiListCustomers(getDb(), { search: query.search, ...pageOf(query) });
  return json(200, listBody(data, total, query));
});

export const POST = apiHandler({ body: ZCreateCustomerInput }, async ({ actor, body }) => {
  const { customerId } = await createCustomer(getDb(), actor, body, new Date());
  return json(201, await apiGetCustomer(getDb(), customerId));
});
