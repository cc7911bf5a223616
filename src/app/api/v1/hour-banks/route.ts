import { apiPageRequest, listBody } from "@/contracts/api";
import { ZApiHourBank, ZApiHourBankPage } from "@/contracts/api-responses-support";
import { ZApiBuyHourBankInput, ZHourBankApiListQuery } from "@/contracts/api-support";
import { getDb } from "@/server/db/client";
import { getHourBankForApi, listHourBanksForApi } from "@/server/support/api/list-hour-banks-for-api";
import { purchaseHourBank } from "@/server/support/banks/purchase-hour-bank";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZHourBankApiListQuery }, async ({ query }) => {
  const page = await listHourBanksForApi(getDb(), { customerId: query.customerId }, apiPageRequest(query));
  return reply(200, ZApiHourBankPage, listBody(page));
});

export const POST = apiHandler({ body: ZApiBuyHourBankInput }, async ({ actor, body }) => {
  const { bankId } = await purchaseHourBank(getDb(), actor, body, new Date());
  const bank = await getHourBankForApi(getDb(), bankId);
  return bank ? reply(201, ZApiHourBank, bank) : notFound("hour bank");
});
