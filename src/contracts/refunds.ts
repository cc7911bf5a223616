import { z } from "zod";

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
