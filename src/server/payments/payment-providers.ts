import { env } from "@/server/config";
import type { RootDb } from "@/server/db/types";
import { demoProvider } from "@/server/payments/demo-provider";
import type { PaymentProvider, ProviderName } from "@/server/payments/payment-provider";
import { stripeProvider } from "@/server/payments/stripe-provider";

/** Which provider this installation pays through, for pages ("Demo payments" label) and the browser. */
export interface ActiveProviderInfo {
  name: ProviderName;
  /** Stripe.js needs it; null for the demo. */
  publishableKey: string | null;
}

export function activeProviderInfo(): ActiveProviderInfo {
  const e = env();
  return e.STRIPE_SECRET_KEY
    ? { name: "stripe", publishableKey: e.STRIPE_PUBLISHABLE_KEY ?? null }
    : { name: "demo", publishableKey: null };
}

let cached: { db: RootDb; provider: PaymentProvider } | undefined;

/**
 * The provider: Stripe when STRIPE_SECRET_KEY is set (STRIPE_API_BASE points it at a stub server in
 * tests), else the demo provider. One per process and database client.
 */
export function activePaymentProvider(db: RootDb): PaymentProvider {
  if (cached?.db === db) return cached.provider;
  const e = env();
  const provider = e.STRIPE_SECRET_KEY
    ? stripeProvider({
        secretKey: e.STRIPE_SECRET_KEY,
        webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? null,
        apiBase: e.STRIPE_API_BASE ?? null,
      })
    : demoProvider(db);
  cached = { db, provider };
  return provider;
}
