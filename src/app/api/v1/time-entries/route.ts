import { apiPageRequest, listBody } from "@/contracts/api";
import { ZApiTimeEntry, ZApiTimeEntryPage } from "@/contracts/api-responses-support";
import { ZApiLogTimeEntryInput, ZTimeEntryApiListQuery } from "@/contracts/api-support";
import { getDb } from "@/server/db/client";
import { getTimeEntryForApi, listTimeEntriesForApi } from "@/server/support/api/list-time-entries-for-api";
import { logTimeEntry } from "@/server/support/banks/log-time-entry";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZTimeEntryApiListQuery }, async ({ query }) => {
  const page = await listTimeEntriesForApi(getDb(), { customerId: query.customerId, ticketId: query.ticketId }, apiPageRequest(query));
  return reply(200, ZApiTimeEntryPage, listBody(page));
});

export const POST = apiHandler({ body: ZApiLogTimeEntryInput }, async ({ actor, body }) => {
  const { entryId } = await logTimeEntry(getDb(), actor, body, new Date());
  const entry = await getTimeEntryForApi(getDb(), entryId);
  return entry ? reply(201, ZApiTimeEntry, entry) : notFound("time entry");
});
