import { ZApiInvoice } from "@/contracts/api-responses";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../../_lib/api-handler";

export const POST = apiHandler({ params: ZUuidParams("invoiceId") }, async ({ actor, params }) => {
  await issueInvoice(getDb(), actor, params.invoiceId ?? "", new Date());
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, params.invoiceId ?? "");
  return invoice ? reply(200, ZApiInvoice, invoice) : notFound("invoice");
});
