import type { CheckoutStatus } from "@/domain/payments/checkout-state";
import type { MethodKind } from "@/domain/payments/payment-methods";

export type { MethodKind };

/**
 * What the app asks of a payment provider, whichever it is: Stripe (STRIPE_SECRET_KEY set) or the
 * clearly labelled demo provider (no key: `npm start` shows the whole flow with test numbers). Every
 * call that creates something takes an idempotency key, so a retried request or a double click
 * creates it once at the provider too. Only ids and display data cross this boundary: never a card
 * or account number (PCI DSS SAQ A). ADR 0019.
 */
export type ProviderName = "stripe" | "demo";

/** How a person recognises a saved method: "Visa •••• 4242, 12/2030", "Crédit Agricole •••• 6789". */
export interface MethodDisplay {
  providerMethodId: string;
  kind: MethodKind;
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  bankName: string | null;
}

/** A payment intent as the provider reports it. */
export interface ProviderIntent {
  id: string;
  status: CheckoutStatus;
  amountMinor: number;
  currency: string;
  /** For the browser to confirm the payment (Stripe.js, or the demo payment page). */
  clientSecret: string | null;
  /** The method it was (or is being) paid with; `method` may be null when the event carries only its id. */
  methodId: string | null;
  method: MethodDisplay | null;
  /** The provider's reason for a failure ("card_declined", "authentication_required"...). */
  failureCode: string | null;
  /** Ours: `checkoutId`, set when the intent was created. */
  metadata: Record<string, string>;
  created: Date;
}

export interface ProviderRefund {
  id: string;
  intentId: string;
  amountMinor: number;
  currency: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  metadata: Record<string, string>;
  created: Date;
}

/** A webhook event, verified and reduced to what the app acts on. */
export type ProviderEvent =
  | { id: string; created: Date; type: "intent"; intent: ProviderIntent }
  | {
      id: string;
      created: Date;
      type: "setup_succeeded";
      customerRef: string;
      methodId: string;
      method: MethodDisplay | null;
      metadata: Record<string, string>;
    }
  | { id: string; created: Date; type: "refund"; refund: ProviderRefund }
  | { id: string; created: Date; type: "ignored"; providerType: string };

export interface PaymentProvider {
  readonly name: ProviderName;
  /** The customer's identity at the provider (created once; the caller stores it in provider_customers). */
  createCustomer(input: {
    customerId: string;
    email: string;
    name: string;
    idempotencyKey: string;
  }): Promise<string>;
  /**
   * An intent for `amountMinor`. With `method` and `offSession`, it is confirmed at once with that
   * saved method (autopay); otherwise the browser confirms it with `clientSecret`. `saveMethod`
   * keeps the method for later off-session use.
   */
  createIntent(input: {
    amountMinor: number;
    currency: string;
    customerRef: string;
    methodKinds: MethodKind[];
    method?: string;
    offSession?: boolean;
    saveMethod?: boolean;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<ProviderIntent>;
  retrieveIntent(intentId: string): Promise<ProviderIntent>;
  /** A setup intent, for the browser to save a method without paying. */
  createSetup(input: {
    customerRef: string;
    methodKinds: MethodKind[];
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string; clientSecret: string }>;
  /** What a person recognises a method by (an event may carry only the method's id). */
  retrieveMethod(providerMethodId: string): Promise<MethodDisplay>;
  detachMethod(providerMethodId: string): Promise<void>;
  refund(input: {
    intentId: string;
    amountMinor: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<ProviderRefund>;
  /** The succeeded intents created in [from, to), for reconciliation, a page at a time. */
  listSucceededIntents(from: Date, to: Date): AsyncIterable<ProviderIntent>;
  /** Verifies the signature on the raw body and reduces the event; throws on a bad signature. */
  parseWebhook(rawBody: string, signature: string | null): ProviderEvent;
}
