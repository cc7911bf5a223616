import { ZApiPaymentDetail } from "@/contracts/api-responses";
import { getDb } from "@/server/db/client";
import { findPaymentWithRefunds } from "@/server/payments/refund-list";
import { apiHandler, notFound, reply, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("paymentId") }, async ({ params }) => {
  const payment = await findPaymentWithRefunds(getDb(), params.paymentId ?? "");
  return payment ? reply(200, ZApiPaymentDetail, payment) : notFound("payment");
});
