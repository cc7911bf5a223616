import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, json, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("invoiceId") }, async ({ params }) => {
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, params.invoiceId ?? "");
  return invoice ? json(200, invoice) : json(404, { error: { code: "NOT_FOUND", message: "invoice not found" } });
});
