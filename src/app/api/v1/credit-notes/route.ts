import { apiPageRequest, listBody, ZByCustomerQuery } from "@/contracts/api";
import { ZApiCreditNotePage } from "@/contracts/api-responses";
import { listCreditNotes } from "@/server/billing/credit-note-list";
import { getDb } from "@/server/db/client";
import { apiHandler, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const page = await listCreditNotes(getDb(), { staff: true }, { customerId: query.customerId }, apiPageRequest(query));
  return reply(200, ZApiCreditNotePage, listBody(page));
});
