import { methodKindsFor } from "@/domain/payments/payment-methods";
import type { CustomerActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { billingContactOf } from "@/server/payments/checkout-repository";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { startMethodSetup } from "@/server/payments/start-method-setup";

/** The "Add a payment method" page: a setup for the browser, and which kinds of method it may save (the customer's currency decides the bank debit). */
export async function prepareMethodSetup(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  now: Date,
) {
  const [setup, contact] = await Promise.all([
    startMethodSetup(db, provider, actor, now),
    billingContactOf(db, actor.customerId),
  ]);
  return { ...setup, methodKinds: methodKindsFor(contact.currency) };
}
