import { demoTestMethod } from "@/domain/payments/demo-test-methods";
import { DomainError } from "@/domain/shared/domain-error";
import type { TDemoPayForm, TDemoSetupForm } from "@/contracts/payment-forms";
import type { CustomerActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { applyDemoEventsNow } from "@/server/payments/apply-demo-events-now";
import { findCheckout } from "@/server/payments/checkout-repository";
import {
  authenticateDemoCheckout,
  completeDemoAuthentication,
  confirmDemoCheckout,
  confirmDemoIntent,
} from "@/server/payments/confirm-demo-intent";
import type { PaymentProvider, ProviderIntent } from "@/server/payments/payment-provider";
import { demoSetupCustomerId, setCheckoutSaveMethod } from "@/server/payments/portal-payment-repository";

/** A card typed in the bank field, or the reverse: said next to the number, like any wrong number. */
function checkKind(kind: "card" | "bank", number: string): void {
  const method = demoTestMethod(number);
  if (method && (method.kind === "CARD") !== (kind === "card"))
    throw new DomainError("VALIDATION_FAILED", { field: "number", reason: "METHOD_NOT_ACCEPTED" });
}

/**
 * The portal's demo payment form (issue 16): the customer's "save this method" choice is written on
 * their checkout, the intent is confirmed with the typed test number (only its last 4 digits are kept),
 * and the events it produced are applied at once. Another company's checkout is NOT_FOUND.
 */
export async function payWithDemoForm(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  form: TDemoPayForm,
  now: Date,
): Promise<ProviderIntent> {
  const checkout = await findCheckout(db, form.checkoutId, actor.customerId);
  if (checkout?.provider !== "demo") throw new DomainError("NOT_FOUND", { entity: "checkout" });
  checkKind(form.kind, form.number);
  await setCheckoutSaveMethod(db, checkout.id, actor.customerId, form.saveMethod);
  const intent = await confirmDemoCheckout(db, actor, { checkoutId: checkout.id, number: form.number }, now);
  await applyDemoEventsNow(db, provider, actor.customerId, now);
  return intent;
}

/** The demo 3-D Secure step of a payment, answered by the customer; its event applied at once. */
export async function answerDemoAuthentication(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  input: { checkoutId: string; approve: boolean },
  now: Date,
): Promise<ProviderIntent> {
  const intent = await authenticateDemoCheckout(db, actor, input, now);
  await applyDemoEventsNow(db, provider, actor.customerId, now);
  return intent;
}

/** The setup must be one the page created for this customer: the client secret alone is not enough here. */
async function ownSetup(db: RootDb, actor: CustomerActor, setupId: string): Promise<void> {
  if ((await demoSetupCustomerId(db, setupId)) !== actor.customerId)
    throw new DomainError("NOT_FOUND", { entity: "payment_method" });
}

/** Saving a method with the demo form (no payment): saved when its event applies, which happens at once. */
export async function saveMethodWithDemoForm(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  form: TDemoSetupForm,
  now: Date,
): Promise<ProviderIntent> {
  await ownSetup(db, actor, form.setupId);
  checkKind(form.kind, form.number);
  const intent = await confirmDemoIntent(
    db,
    { intentId: form.setupId, clientSecret: form.clientSecret, number: form.number },
    now,
  );
  await applyDemoEventsNow(db, provider, actor.customerId, now);
  return intent;
}

/** The demo 3-D Secure step while saving a method. */
export async function answerDemoSetupAuthentication(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  input: { setupId: string; clientSecret: string; approve: boolean },
  now: Date,
): Promise<ProviderIntent> {
  await ownSetup(db, actor, input.setupId);
  const intent = await completeDemoAuthentication(
    db,
    { intentId: input.setupId, clientSecret: input.clientSecret, approve: input.approve },
    now,
  );
  await applyDemoEventsNow(db, provider, actor.customerId, now);
  return intent;
}
