import { type Env, env } from "@/server/config";
import type { RootDb } from "@/server/db/types";
import { demoProvider } from "@/server/payments/demo-provider";
import type { PaymentProvider, ProviderName } from "@/server/payments/payment-provider";
import { stripeProvider } from "@/server/payments/stripe-provider";

type PaymentSettings = Pick<
  Env,
  "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_PUBLISHABLE_KEY" | "STRIPE_API_BASE"
>;

/** Which provider this installation pays through, for pages ("Demo payments" label) and the browser. */
export interface ActiveProviderInfo {
  name: ProviderName;
  /** Stripe.js needs it; null for the demo. */
  publishableKey: string | null;
}

export function providerInfoFrom(e: PaymentSettings): ActiveProviderInfo {
  return e.STRIPE_SECRET_KEY
    ? { name: "stripe", publishableKey: e.STRIPE_PUBLISHABLE_KEY ?? null }
    : { name: "demo", publishableKey: null };
}

export const activeProviderInfo = (): ActiveProviderInfo => providerInfoFrom(env());

/**
 * The provider these settings choose: Stripe when STRIPE_SECRET_KEY is set (STRIPE_API_BASE points it
 * at a stub server in tests), else the demo provider.
 */
export function providerFrom(db: RootDb, e: PaymentSettings): PaymentProvider {
  return e.STRIPE_SECRET_KEY
    ? stripeProvider({
        secretKey: e.STRIPE_SECRET_KEY,
        webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? null,
        apiBase: e.STRIPE_API_BASE ?? null,
      })
    : demoProvider(db);
}

let cached: { db: RootDb; provider: PaymentProvider } | undefined;
let override: PaymentProvider | null = null;

/** The active provider, one per process and database client (the route, the actions, the worker). */
export function activePaymentProvider(db: RootDb): PaymentProvider {
  if (override) return override;
  if (cached?.db !== db) cached = { db, provider: providerFrom(db, env()) };
  return cached.provider;
}

/** Tests: the environment is read once per process, so a test file that needs Stripe says so here. */
export function setPaymentProviderForTests(provider: PaymentProvider | null): void {
  override = provider;
}
