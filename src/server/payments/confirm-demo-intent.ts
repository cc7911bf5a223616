import { demoTestMethod } from "@/domain/payments/demo-test-methods";
import { DomainError } from "@/domain/shared/domain-error";
import type { TDemoConfirmInput } from "@/contracts/payments";
import type { CustomerActor } from "@/server/auth/actor";
import type { Db, RootDb } from "@/server/db/types";
import { findCheckout } from "@/server/payments/checkout-repository";
import {
  type DemoIntentRow,
  findDemoIntent,
  lockDemoIntent,
  updateDemoIntent,
} from "@/server/payments/demo-provider-repository";
import { emit, intentOf, methodFields, settleOutcome } from "@/server/payments/demo-intent-states";
import type { ProviderIntent } from "@/server/payments/payment-provider";

async function lockForBrowser(tx: Db, intentId: string, clientSecret: string): Promise<DemoIntentRow> {
  const row = await lockDemoIntent(tx, intentId);
  // The client secret proves the browser was given this intent (as with Stripe.js).
  if (!row || row.clientSecret !== clientSecret) throw new DomainError("NOT_FOUND", { entity: "payment" });
  return row;
}

/**
 * The demo payment form: confirms a payment or setup intent with a typed test number. Refuses any
 * other number (field `number`, reason NOT_A_TEST_NUMBER), so a real card is never taken in.
 */
export async function confirmDemoIntent(
  db: RootDb,
  input: { intentId: string; clientSecret: string; number: string },
  now: Date,
): Promise<ProviderIntent> {
  const method = demoTestMethod(input.number);
  if (!method) throw new DomainError("VALIDATION_FAILED", { field: "number", reason: "NOT_A_TEST_NUMBER" });
  return db.$transaction(async (tx) => {
    const row = await lockForBrowser(tx, input.intentId, input.clientSecret);
    // As at Stripe, a failed attempt may be confirmed again with another method; nothing else may.
    if (row.status !== "CREATED" && row.status !== "FAILED")
      throw new DomainError("INVALID_TRANSITION", { entity: "payment", from: row.status, event: "confirm" });
    if (!row.methodKinds.includes(method.kind))
      throw new DomainError("VALIDATION_FAILED", { field: "number", reason: "METHOD_NOT_ACCEPTED" });
    const withMethod = await updateDemoIntent(tx, row.id, { ...methodFields(method, now), updatedAt: now });
    return intentOf(await settleOutcome(tx, withMethod, method.outcome, now));
  });
}

/** The demo's 3-D Secure page: the cardholder approves (success) or refuses (authentication_failed). */
export async function completeDemoAuthentication(
  db: RootDb,
  input: { intentId: string; clientSecret: string; approve: boolean },
  now: Date,
): Promise<ProviderIntent> {
  return db.$transaction(async (tx) => {
    const row = await lockForBrowser(tx, input.intentId, input.clientSecret);
    if (row.status !== "REQUIRES_ACTION")
      throw new DomainError("INVALID_TRANSITION", {
        entity: "payment",
        from: row.status,
        event: "authenticate",
      });
    const next = await updateDemoIntent(tx, row.id, {
      status: input.approve ? "SUCCEEDED" : "FAILED",
      failureCode: input.approve ? null : "authentication_failed",
      updatedAt: now,
    });
    await emit(tx, next, now);
    return intentOf(next);
  });
}

/** What a demo intent is now (the demo payment page shows it). */
export async function demoIntentStatus(db: Db, intentId: string): Promise<ProviderIntent | null> {
  const row = await findDemoIntent(db, intentId);
  return row ? intentOf(row) : null;
}

/** The demo intent of one of the caller's demo checkouts, with its secret (kept server-side by the demo). */
async function demoIntentOfCheckout(
  db: RootDb,
  actor: CustomerActor,
  checkoutId: string,
): Promise<{ intentId: string; clientSecret: string }> {
  const checkout = await findCheckout(db, checkoutId, actor.customerId);
  const row =
    checkout?.provider === "demo" && checkout.providerIntentId
      ? await findDemoIntent(db, checkout.providerIntentId)
      : null;
  if (!row) throw new DomainError("NOT_FOUND", { entity: "checkout" });
  return { intentId: row.id, clientSecret: row.clientSecret };
}

/** The demo payment form, posted by the signed-in customer for their checkout (ZDemoConfirmInput). */
export async function confirmDemoCheckout(
  db: RootDb,
  actor: CustomerActor,
  input: TDemoConfirmInput,
  now: Date,
): Promise<ProviderIntent> {
  return confirmDemoIntent(
    db,
    { ...(await demoIntentOfCheckout(db, actor, input.checkoutId)), number: input.number },
    now,
  );
}

/** The demo 3-D Secure page, answered by the signed-in customer for their checkout. */
export async function authenticateDemoCheckout(
  db: RootDb,
  actor: CustomerActor,
  input: { checkoutId: string; approve: boolean },
  now: Date,
): Promise<ProviderIntent> {
  return completeDemoAuthentication(
    db,
    { ...(await demoIntentOfCheckout(db, actor, input.checkoutId)), approve: input.approve },
    now,
  );
}
