import { ZRecordPaymentInput } from "@/contracts/billing";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { apiHandler, json, ZUuidParams } from "../../../_lib/api-handler";

export const POST = apiHandler({ params: ZUuidParams("invoiceId"), body: ZRecordPaymentInput }, async ({ actor, params, body }) => {
  const { paymentId } = await recordPayment(getDb(), actor, params.invoiceId ?? "", body, new Date());
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, params.invoiceId ?? "");
  return json(201, { payment: invoice?.payments.find((p) => p.id === paymentId), invoice });
});
