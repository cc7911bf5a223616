import { apiPageRequest, listBody } from "@/contracts/api";
import { ZApiTicketPage, ZApiTicketWithMessages } from "@/contracts/api-responses-support";
import { ZApiOpenTicketInput, ZTicketApiListQuery } from "@/contracts/api-support";
import { requestContextFrom } from "@/server/http/request-context";
import { getDb } from "@/server/db/client";
import { getTicketForApi } from "@/server/support/api/get-ticket-for-api";
import { listTicketsForApi } from "@/server/support/api/list-tickets-for-api";
import { openStaffTicket } from "@/server/support/tickets/open-staff-ticket";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZTicketApiListQuery }, async ({ query }) => {
  const page = await listTicketsForApi(getDb(), { customerId: query.customerId, status: query.status }, apiPageRequest(query));
  return reply(200, ZApiTicketPage, listBody(page));
});

export const POST = apiHandler({ body: ZApiOpenTicketInput }, async ({ actor, body, request }) => {
  const { ticketId } = await openStaffTicket(getDb(), actor, body, requestContextFrom((n) => request.headers.get(n)), new Date());
  const ticket = await getTicketForApi(getDb(), ticketId);
  return ticket ? reply(201, ZApiTicketWithMessages, ticket) : notFound("ticket");
});
