import Stripe from "stripe";
import type { CheckoutStatus } from "@/domain/payments/checkout-state";
import type {
  MethodDisplay,
  MethodKind,
  PaymentProvider,
  ProviderEvent,
  ProviderIntent,
  ProviderRefund,
} from "@/server/payments/payment-provider";

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string | null;
  /** Tests: a local stub server (http://127.0.0.1:12111) instead of api.stripe.com. */
  apiBase?: string | null;
}

const STRIPE_TYPE_OF: Record<MethodKind, string> = {
  CARD: "card",
  SEPA_DEBIT: "sepa_debit",
  ACH_DEBIT: "us_bank_account",
  ACSS_DEBIT: "acss_debit",
};

/** Stripe's intent statuses reduced to ours; a failed attempt comes back as requires_payment_method with its error. */
export function checkoutStatusOf(status: string, hasError: boolean): CheckoutStatus {
  switch (status) {
    case "succeeded":
      return "SUCCEEDED";
    case "processing":
    case "requires_capture":
      return "PROCESSING";
    case "requires_action":
      return "REQUIRES_ACTION";
    case "canceled":
      return "CANCELED";
    case "requires_payment_method":
      return hasError ? "FAILED" : "CREATED";
    default:
      return "CREATED";
  }
}

export function methodDisplayOf(pm: Stripe.PaymentMethod): MethodDisplay {
  const base = { providerMethodId: pm.id, brand: null, expMonth: null, expYear: null, bankName: null };
  if (pm.card)
    return {
      ...base,
      kind: "CARD",
      brand: pm.card.display_brand ?? pm.card.brand,
      last4: pm.card.last4,
      expMonth: pm.card.exp_month,
      expYear: pm.card.exp_year,
    };
  if (pm.sepa_debit)
    return {
      ...base,
      kind: "SEPA_DEBIT",
      last4: pm.sepa_debit.last4 ?? "",
      bankName: pm.sepa_debit.bank_code,
    };
  if (pm.us_bank_account)
    return {
      ...base,
      kind: "ACH_DEBIT",
      last4: pm.us_bank_account.last4 ?? "",
      bankName: pm.us_bank_account.bank_name,
    };
  if (pm.acss_debit)
    return {
      ...base,
      kind: "ACSS_DEBIT",
      last4: pm.acss_debit.last4 ?? "",
      bankName: pm.acss_debit.bank_name,
    };
  return { ...base, kind: "CARD", last4: "" };
}

const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === "string" ? v : v.id;
const metadataOf = (m: Stripe.Metadata | null | undefined): Record<string, string> => ({ ...(m ?? {}) });

export function intentOf(pi: Stripe.PaymentIntent): ProviderIntent {
  const pm = pi.payment_method;
  return {
    id: pi.id,
    status: checkoutStatusOf(pi.status, pi.last_payment_error != null),
    amountMinor: pi.amount,
    currency: pi.currency.toUpperCase(),
    clientSecret: pi.client_secret,
    methodId: idOf(pm),
    method: pm && typeof pm === "object" ? methodDisplayOf(pm) : null,
    failureCode: pi.last_payment_error
      ? (pi.last_payment_error.code ?? pi.last_payment_error.decline_code ?? "payment_failed")
      : null,
    metadata: metadataOf(pi.metadata),
    created: new Date(pi.created * 1000),
  };
}

export function refundOf(r: Stripe.Refund): ProviderRefund {
  const status =
    r.status === "succeeded"
      ? "SUCCEEDED"
      : r.status === "failed" || r.status === "canceled"
        ? "FAILED"
        : "PENDING";
  return {
    id: r.id,
    intentId: idOf(r.payment_intent) ?? "",
    amountMinor: r.amount,
    currency: r.currency.toUpperCase(),
    status,
    metadata: metadataOf(r.metadata),
    created: new Date(r.created * 1000),
  };
}

/** The events the app acts on; everything else a Stripe account may send is acknowledged and ignored. */
export function reduceStripeEvent(event: Stripe.Event): ProviderEvent {
  const base = { id: event.id, created: new Date(event.created * 1000) };
  const object = event.data.object as { object?: string };
  if (event.type.startsWith("payment_intent.") && object.object === "payment_intent")
    return { ...base, type: "intent", intent: intentOf(object as Stripe.PaymentIntent) };
  if (event.type === "setup_intent.succeeded") {
    const si = object as Stripe.SetupIntent;
    const pm = si.payment_method;
    const methodId = idOf(pm);
    const customerRef = idOf(si.customer);
    if (methodId && customerRef)
      return {
        ...base,
        type: "setup_succeeded",
        customerRef,
        methodId,
        method: pm && typeof pm === "object" ? methodDisplayOf(pm) : null,
        metadata: metadataOf(si.metadata),
      };
  }
  if (
    (event.type.startsWith("refund.") || event.type === "charge.refund.updated") &&
    object.object === "refund"
  ) {
    const refund = refundOf(object as Stripe.Refund);
    if (refund.intentId) return { ...base, type: "refund", refund };
  }
  return { ...base, type: "ignored", providerType: event.type };
}

/**
 * The Stripe provider (STRIPE_SECRET_KEY set). Every creating call carries our idempotency key as
 * Stripe's `Idempotency-Key`, so a retried request gets the same object back, not a second charge.
 * The client retries network failures itself with those same keys.
 */
export function stripeProvider(settings: StripeSettings): PaymentProvider {
  const base = settings.apiBase ? new URL(settings.apiBase) : null;
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  const types = (kinds: MethodKind[]): Stripe.PaymentIntentCreateParams.AllowedPaymentMethodType[] =>
    kinds.map((k) => STRIPE_TYPE_OF[k]);

  return {
    name: "stripe",
    async createCustomer({ customerId, email, name, idempotencyKey }) {
      const customer = await stripe.customers.create(
        { email, name, metadata: { customerId } },
        { idempotencyKey },
      );
      return customer.id;
    },
    async createIntent(input) {
      const params: Stripe.PaymentIntentCreateParams = {
        amount: input.amountMinor,
        currency: input.currency.toLowerCase(),
        customer: input.customerRef,
        allowed_payment_method_types: types(input.methodKinds),
        metadata: input.metadata,
        ...(input.saveMethod ? { setup_future_usage: "off_session" as const } : {}),
        ...(input.method
          ? { payment_method: input.method, confirm: true, off_session: input.offSession ?? false }
          : {}),
      };
      try {
        return intentOf(await stripe.paymentIntents.create(params, { idempotencyKey: input.idempotencyKey }));
      } catch (e) {
        // An off-session charge that is declined or needs its holder answers 402 with the intent inside.
        const pi = (e as { raw?: { payment_intent?: Stripe.PaymentIntent } }).raw?.payment_intent;
        if (e instanceof Stripe.errors.StripeCardError && pi) return intentOf(pi);
        throw e;
      }
    },
    async retrieveIntent(intentId) {
      return intentOf(await stripe.paymentIntents.retrieve(intentId, { expand: ["payment_method"] }));
    },
    async createSetup({ customerRef, methodKinds, metadata, idempotencyKey }) {
      const si = await stripe.setupIntents.create(
        {
          customer: customerRef,
          allowed_payment_method_types: types(methodKinds),
          usage: "off_session",
          metadata,
        },
        { idempotencyKey },
      );
      if (!si.client_secret) throw new Error(`setup intent ${si.id} has no client secret`);
      return { id: si.id, clientSecret: si.client_secret };
    },
    async retrieveMethod(providerMethodId) {
      return methodDisplayOf(await stripe.paymentMethods.retrieve(providerMethodId));
    },
    async detachMethod(providerMethodId) {
      await stripe.paymentMethods.detach(providerMethodId);
    },
    async refund({ intentId, amountMinor, metadata, idempotencyKey }) {
      return refundOf(
        await stripe.refunds.create(
          { payment_intent: intentId, amount: amountMinor, metadata },
          { idempotencyKey },
        ),
      );
    },
    async *listSucceededIntents(from, to) {
      const created = { gte: Math.floor(from.getTime() / 1000), lt: Math.floor(to.getTime() / 1000) };
      // The client's auto-pagination follows `has_more` with `starting_after`, a page of 100 at a time.
      for await (const pi of stripe.paymentIntents.list({ created, limit: 100 }))
        if (pi.status === "succeeded") yield intentOf(pi);
    },
    parseWebhook(rawBody, signature) {
      if (!settings.webhookSecret) throw new Error("STRIPE_WEBHOOK_SECRET is not set");
      if (!signature) throw new Error("no Stripe-Signature header");
      return reduceStripeEvent(stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret));
    },
  };
}
