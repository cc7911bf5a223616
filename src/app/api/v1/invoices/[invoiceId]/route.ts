import { ZApiInvoice } from "@/contracts/api-responses";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("invoiceId") }, async ({ params }) => {
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, params.invoiceId ?? "");
  return invoice ? reply(200, ZApiInvoice, invoice) : notFound("invoice");
});
