import { randomUUID } from "node:crypto";
import { apiPageRequest, listBody, ZByCustomerQuery } from "@/contracts/api";
import { ZApiRefund, ZApiRefundPage } from "@/contracts/api-responses";
import { ZRefundPaymentInput } from "@/contracts/refunds";
import { getDb } from "@/server/db/client";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { refundPayment } from "@/server/payments/refund-payment";
import { findRefundView, listRefunds } from "@/server/payments/refund-list";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const page = await listRefunds(getDb(), { customerId: query.customerId }, apiPageRequest(query));
  return reply(200, ZApiRefundPage, listBody(page));
});

export const POST = apiHandler({ body: ZRefundPaymentInput }, async ({ actor, body, request }) => {
  const db = getDb();
  // The Idempotency-Key (its answer replayed by apiHandler) is also the refund's key at the provider;
  // without one, each request is a refund of its own.
  const key = request.headers.get("idempotency-key") ?? randomUUID();
  const refund = await refundPayment(db, activePaymentProvider(db), actor, body, `api:${key}`, new Date());
  const view = await findRefundView(db, refund.id);
  return view ? reply(201, ZApiRefund, view) : notFound("refund");
});
