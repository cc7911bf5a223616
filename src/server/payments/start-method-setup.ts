import { randomUUID } from "node:crypto";
import { methodKindsFor } from "@/domain/payments/payment-methods";
import type { CustomerActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { billingContactOf } from "@/server/payments/checkout-repository";
import { ensureProviderCustomer } from "@/server/payments/ensure-provider-customer";
import type { PaymentProvider } from "@/server/payments/payment-provider";

/**
 * The customer saves a method without paying: a setup intent for the browser to confirm (Stripe.js
 * or the demo form). The method is saved when the provider reports the setup succeeded
 * (save-payment-method.ts), whatever happens to the browser meanwhile. `requestId` (one per form
 * shown) keys the provider call, so a double submit creates one setup.
 */
export async function startMethodSetup(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  now: Date,
  requestId: string = randomUUID(),
) {
  const customerRef = await ensureProviderCustomer(db, provider, actor.customerId, now);
  const { currency } = await billingContactOf(db, actor.customerId);
  const setup = await provider.createSetup({
    customerRef,
    methodKinds: methodKindsFor(currency),
    metadata: { customerId: actor.customerId },
    idempotencyKey: `setup_${actor.customerId}_${requestId}`,
  });
  return { provider: provider.name, setupId: setup.id, clientSecret: setup.clientSecret };
}
