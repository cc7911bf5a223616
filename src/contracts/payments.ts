import { z } from "zod";

/**
 * Input contracts of online payments (ADR 0019), shared by the portal's actions, the API and tests.
 * Ids are checked as uuids here; whose they are is checked by the use-case (another company's
 * invoice or method is NOT_FOUND).
 */
export const ZStartCheckoutInput = z.strictObject({
  /** The invoices paid at once ("Pay" on one, "Pay all due"): the caller's own open ones, one currency. */
  invoiceIds: z
    .array(z.string().uuid())
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: "lists an invoice twice",
      params: { code: "DUPLICATE_INVOICE" },
    }),
  /** Keep the method for later payments (and autopay, once it is the default). */
  saveMethod: z.boolean().default(false),
});
export type TStartCheckoutInput = z.infer<typeof ZStartCheckoutInput>;

export const ZPaymentMethodRef = z.strictObject({ methodId: z.string().uuid() });
export type TPaymentMethodRef = z.infer<typeof ZPaymentMethodRef>;

/** The demo provider's payment form (test numbers only; a real card number is refused, never stored). */
export const ZDemoConfirmInput = z.strictObject({
  checkoutId: z.string().uuid(),
  number: z.string().trim().min(1).max(40),
});
export type TDemoConfirmInput = z.infer<typeof ZDemoConfirmInput>;

/** What the browser needs to take the payment: Stripe.js's client secret and key, or the demo page. */
export interface CheckoutStartView {
  checkoutId: string;
  provider: "stripe" | "demo";
  status: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "FAILED" | "SUCCEEDED" | "CANCELED";
  amountMinor: number;
  currency: string;
  clientSecret: string | null;
  publishableKey: string | null;
  /** The page that takes the payment: Stripe's Payment Element or the demo form. */
  payUrl: string;
}
