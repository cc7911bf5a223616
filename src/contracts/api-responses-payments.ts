import { z } from "zod";
import { named, page, ZCurrencyCode, ZDate, ZId, ZMinor, ZTimestamp } from "./api-response-parts";

/** Online payments (ADR 0019): payments across invoices, and their refunds. */
const ZPaymentMethodName = z.enum(["CARD", "BANK_DEBIT", "TRANSFER", "CHEQUE", "CASH"]);
export const ZApiRefund = named(
  z.object({
    id: ZId,
    paymentId: ZId,
    invoiceId: ZId,
    customerId: ZId,
    amountMinor: ZMinor,
    currency: ZCurrencyCode,
    status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]).describe("SUCCEEDED once the money went back; its credit note then exists"),
    reason: z.string(),
    provider: z.string().nullable().describe("The payment provider that refunded it; null for a payment refunded by transfer"),
    providerRefundId: z.string().nullable(),
    creditNoteId: ZId.nullable(),
    creditNoteNumber: z.string().nullable(),
    createdAt: ZTimestamp,
    settledAt: ZTimestamp.nullable(),
  }),
  "Refund",
  "Money given back on a payment, with the credit note that records it",
);
export const ZApiPaymentListItem = named(
  z.object({
    id: ZId,
    customerId: ZId,
    customerName: z.string(),
    invoice: z.object({ id: ZId, number: z.string().nullable() }),
    method: ZPaymentMethodName,
    reference: z.string(),
    currency: ZCurrencyCode,
    receivedOn: ZDate,
    amountMinor: ZMinor,
  }),
  "PaymentListItem",
  "A payment as listed",
);
export const ZApiPaymentDetail = named(
  z.object({
    id: ZId,
    invoiceId: ZId,
    customerId: ZId,
    amountMinor: ZMinor,
    currency: ZCurrencyCode,
    method: ZPaymentMethodName,
    reference: z.string(),
    receivedOn: ZDate,
    checkoutId: ZId.nullable().describe("The online checkout that collected it; null for a payment recorded by staff"),
    provider: z.string().nullable(),
    refundedMinor: ZMinor.describe("Refunds pending or succeeded"),
    refunds: z.array(ZApiRefund),
    createdAt: ZTimestamp,
  }),
  "PaymentDetail",
  "A payment with its refunds",
);
export const ZApiPaymentPage = page(ZApiPaymentListItem, "PaymentPage", "payments, newest received first");
export const ZApiRefundPage = page(ZApiRefund, "RefundPage", "refunds, newest first");
