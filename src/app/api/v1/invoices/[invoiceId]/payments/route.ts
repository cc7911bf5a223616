import { ZApiPaymentRecorded } from "@/contracts/api-responses";
import { ZRecordPaymentInput } from "@/contracts/billing";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../../_lib/api-handler";

export const POST = apiHandler({ params: ZUuidParams("invoiceId"), body: ZRecordPaymentInput }, async ({ actor, params, body }) => {
  const { paymentId } = await recordPayment(getDb(), actor, params.invoiceId ?? "", body, new Date());
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, params.invoiceId ?? "");
  const payment = invoice?.payments.find((p) => p.id === paymentId);
  return invoice && payment ? reply(201, ZApiPaymentRecorded, { payment, invoice }) : notFound("payment");
});
