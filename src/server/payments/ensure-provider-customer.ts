import type { Db } from "@/server/db/types";
import {
  billingContactOf,
  providerCustomerRef,
  saveProviderCustomerRef,
} from "@/server/payments/checkout-repository";
import type { PaymentProvider } from "@/server/payments/payment-provider";

/**
 * The customer's identity at the provider, created once: the provider call is keyed by our customer
 * id, so two first payments racing each other get the same provider customer, and the row is
 * written with ON CONFLICT DO NOTHING.
 */
export async function ensureProviderCustomer(
  db: Db,
  provider: PaymentProvider,
  customerId: string,
  now: Date,
): Promise<string> {
  const known = await providerCustomerRef(db, customerId, provider.name);
  if (known) return known;
  const contact = await billingContactOf(db, customerId);
  const ref = await provider.createCustomer({
    customerId,
    email: contact.billingEmail,
    name: contact.legalName,
    idempotencyKey: `customer_${customerId}`,
  });
  await saveProviderCustomerRef(db, customerId, provider.name, ref, now);
  return (await providerCustomerRef(db, customerId, provider.name)) ?? ref;
}
