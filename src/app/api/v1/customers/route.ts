import { apiPageRequest, listBody, ZCustomerListQuery } from "@/contracts/api";
import { ZApiCustomerPage, ZApiCustomerWithSites } from "@/contracts/api-responses";
import { ZCreateCustomerInput } from "@/contracts/customers";
import { apiGetCustomer, apiListCustomers } from "@/server/api/api-queries";
import { createCustomer } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZCustomerListQuery }, async ({ query }) => {
  const page = await apiListCustomers(getDb(), { search: query.search }, apiPageRequest(query));
  return reply(200, ZApiCustomerPage, listBody(page));
});

export const POST = apiHandler({ body: ZCreateCustomerInput }, async ({ actor, body }) => {
  const { customerId } = await createCustomer(getDb(), actor, body, new Date());
  const customer = await apiGetCustomer(getDb(), customerId);
  return customer ? reply(201, ZApiCustomerWithSites, customer) : notFound("customer");
});
