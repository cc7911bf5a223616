import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { getDb } from "@/server/db/client";
import { apiHandler, json, ZUuidParams } from "../../../_lib/api-handler";

export const POST = apiHandler({ params: ZUuidParams("invoiceId") }, async ({ actor, params }) => {
  await issueInvoice(getDb(), actor, params.invoiceId ?? "", new Date());
  return json(200, await findInvoiceDetail(getDb(), { staff: true }, params.invoiceId ?? ""));
});
