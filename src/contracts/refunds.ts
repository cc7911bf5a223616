import { z } from "zod";
import { parseMoney } from "@/domain/billing/money";

/** Staff refund all or part of a payment (the API's POST /refunds and the back-office form). */
export const ZRefundPaymentInput = z.strictObject({
  paymentId: z.string().uuid(),
  amountMinor: z.number().int().positive().max(1e12),
  reason: z.string().trim().min(1).max(500),
});
export type TRefundPaymentInput = z.infer<typeof ZRefundPaymentInput>;

/** A refund as staff and API clients see it. */
export interface RefundView {
  id: string;
  paymentId: string;
  invoiceId: string;
  customerId: string;
  amountMinor: number;
  currency: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  reason: string;
  provider: string | null;
  providerRefundId: string | null;
  creditNoteId: string | null;
  creditNoteNumber: string | null;
  createdAt: string;
  settledAt: string | null;
}

/**
 * The back-office refund form: the amount as typed in the payment's currency, and a key the form
 * made when it was shown (a double submission is the same refund, also at the provider).
 */
export const ZRefundForm = z
  .strictObject({
    paymentId: z.string().uuid(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    amount: z.string().trim().min(1).max(20),
    reason: z.string().trim().min(1).max(500),
    requestKey: z.string().uuid(),
  })
  .transform((f, ctx) => {
    let amountMinor = 0;
    try {
      amountMinor = parseMoney(f.amount, f.currency).amountMinor;
    } catch {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "must be an amount such as 12.50", params: { code: "NOT_AN_AMOUNT" } });
    }
    return { input: { paymentId: f.paymentId, amountMinor, reason: f.reason }, requestKey: f.requestKey };
  });

/** A payment of an invoice as the refund form offers it. */
export interface RefundablePaymentView {
  id: string;
  amountMinor: number;
  currency: string;
  method: "CARD" | "BANK_DEBIT" | "TRANSFER" | "CHEQUE" | "CASH";
  receivedOn: string;
  /** Collected online: refunded through the provider; otherwise staff send the money back themselves. */
  online: boolean;
  refundableMinor: number;
  refunds: { id: string; amountMinor: number; status: string; creditNoteId: string | null; creditNoteNumber: string | null }[];
}
