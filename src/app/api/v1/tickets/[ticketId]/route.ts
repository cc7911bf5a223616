import { ZApiTicketWithMessages } from "@/contracts/api-responses-support";
import { getDb } from "@/server/db/client";
import { getTicketForApi } from "@/server/support/api/get-ticket-for-api";
import { apiHandler, notFound, reply, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("ticketId") }, async ({ params }) => {
  const ticket = await getTicketForApi(getDb(), params.ticketId ?? "");
  return ticket ? reply(200, ZApiTicketWithMessages, ticket) : notFound("ticket");
});
