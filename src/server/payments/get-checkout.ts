import { DomainError } from "@/domain/shared/domain-error";
import type { CheckoutStartView } from "@/contracts/payments";
import type { CustomerActor } from "@/server/auth/actor";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";
import { findCheckout } from "@/server/payments/checkout-repository";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { intentFor } from "@/server/payments/start-checkout";

/**
 * The payment page of a checkout (Stripe's Payment Element or the demo form), for the customer who
 * started it: its state as we know it and the client secret, read from the provider each time (we
 * never store it). Another company's checkout is NOT_FOUND.
 */
export async function getCheckout(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  checkoutId: string,
  now: Date,
  options: { publishableKey?: string | null } = {},
): Promise<CheckoutStartView> {
  const checkout = await findCheckout(db, checkoutId, actor.customerId);
  if (!checkout || checkout.provider !== provider.name)
    throw new DomainError("NOT_FOUND", { entity: "checkout" });
  // A settled or cancelled checkout needs no secret: nothing is left to confirm.
  const live = checkout.status !== "SUCCEEDED" && checkout.status !== "CANCELED";
  const intent = live ? await intentFor(db, provider, checkout, now) : null;
  return {
    checkoutId: checkout.id,
    provider: provider.name,
    status: checkout.status,
    amountMinor: minorFromDb(checkout.amountMinor),
    currency: checkout.currency,
    clientSecret: intent?.clientSecret ?? null,
    publishableKey: provider.name === "stripe" ? (options.publishableKey ?? null) : null,
    payUrl: `/portal/checkouts/${checkout.id}`,
  };
}
