import type { Db } from "@/server/db/types";
import { customerByProviderRef } from "@/server/payments/checkout-repository";
import type { MethodDisplay, ProviderName } from "@/server/payments/payment-provider";
import {
  findSavedMethodByProviderId,
  insertSavedMethod,
  listSavedMethods,
  lockCustomerMethods,
} from "@/server/payments/saved-method-repository";

/**
 * Keeps a method the customer chose to save (a setup that succeeded, or a payment made with "save
 * this method"): only its provider id and display data. Saved once per provider id; the customer's
 * first method becomes their default, which autopay charges. Returns the saved method's id.
 */
export async function saveMethodInTransaction(
  tx: Db,
  customerId: string,
  provider: ProviderName,
  method: MethodDisplay,
  now: Date,
): Promise<string> {
  await lockCustomerMethods(tx, customerId);
  const known = await findSavedMethodByProviderId(tx, provider, method.providerMethodId);
  if (known) return known.id;
  const hasDefault = (await listSavedMethods(tx, customerId)).some((m) => m.isDefault);
  await insertSavedMethod(tx, {
    customerId,
    provider,
    providerMethodId: method.providerMethodId,
    kind: method.kind,
    brand: method.brand,
    last4: method.last4.slice(-4),
    expMonth: method.expMonth,
    expYear: method.expYear,
    bankName: method.bankName,
    isDefault: !hasDefault,
    createdAt: now,
  });
  const saved = await findSavedMethodByProviderId(tx, provider, method.providerMethodId);
  if (!saved) throw new Error(`method ${method.providerMethodId} was not saved`);
  return saved.id;
}

/**
 * A setup intent succeeded at the provider (setup_intent.succeeded, or the demo's): the method is
 * saved for the customer the provider knows it by. An unknown provider customer is not ours: nothing.
 */
export async function savePaymentMethodFromSetup(
  tx: Db,
  provider: ProviderName,
  event: { customerRef: string; metadata: Record<string, string> },
  method: MethodDisplay,
  now: Date,
): Promise<"saved" | "unknown-customer"> {
  const customerId = await customerByProviderRef(tx, provider, event.customerRef);
  if (!customerId) return "unknown-customer";
  await saveMethodInTransaction(tx, customerId, provider, method, now);
  return "saved";
}
