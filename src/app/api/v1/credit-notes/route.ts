import { listBody, pageOf, ZByCustomerQuery } from "@/contracts/api";
import { ZApiCreditNotePage } from "@/contracts/api-responses";
import { listCreditNotes } from "@/server/billing/credit-note-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const scope = query.customerId ? { customerId: query.customerId } : { staff: true as const };
  const { items, total } = await listCreditNotes(getDb(), scope, pageOf(query));
  return reply(200, ZApiCreditNotePage, listBody(items, total, query));
});
