import { apiPageRequest, listBody, ZByCustomerQuery } from "@/contracts/api";
import { ZApiPaymentPage } from "@/contracts/api-responses";
import { listPaymentsForStaff } from "@/server/billing/payment-list";
import { getDb } from "@/server/db/client";
import { apiHandler, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const page = await listPaymentsForStaff(getDb(), { customerId: query.customerId }, apiPageRequest(query));
  return reply(200, ZApiPaymentPage, listBody(page));
});
