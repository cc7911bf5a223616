import { z } from "zod";
import { ZApiTimeline } from "@/contracts/api-responses";
import { getDb } from "@/server/db/client";
import { getInvoiceTimeline } from "@/server/timelines/get-invoice-timeline";
import { apiHandler, notFound, reply } from "../../../_lib/api-handler";

// Parsed here rather than by apiHandler's params schema: a malformed id is a 400 naming the field.
const ZParams = z.object({ invoiceId: z.uuid() });

export const GET = apiHandler({}, async ({ params }) => {
  const { invoiceId } = ZParams.parse(params);
  const data = await getInvoiceTimeline(getDb(), invoiceId);
  return data ? reply(200, ZApiTimeline, { data }) : notFound("invoice");
});
