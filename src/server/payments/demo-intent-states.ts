import { randomUUID } from "node:crypto";
import type { CheckoutStatus } from "@/domain/payments/checkout-state";
import type { DemoTestMethod } from "@/domain/payments/demo-test-methods";
import type { MethodKind } from "@/domain/payments/payment-methods";
import type { Db } from "@/server/db/types";
import { type DemoIntentRow, updateDemoIntent } from "@/server/payments/demo-provider-repository";
import type { MethodDisplay, ProviderEvent, ProviderIntent } from "@/server/payments/payment-provider";
import { storePaymentEvent } from "@/server/payments/receive-payment-webhook";

/**
 * The demo provider's state machine, shared by the provider (demo-provider.ts) and the demo payment
 * form's use-case (confirm-demo-intent.ts): an intent row read as a provider intent, and each state it
 * reaches reported as an event to the inbox, in the caller's transaction, as Stripe's webhook would.
 */
export const metadataOf = (m: unknown): Record<string, string> =>
  m && typeof m === "object" ? (m as Record<string, string>) : {};

export function methodOf(row: DemoIntentRow): MethodDisplay | null {
  if (!row.methodId || !row.methodKind || !row.last4) return null;
  return {
    providerMethodId: row.methodId,
    kind: row.methodKind as MethodKind,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.expMonth,
    expYear: row.expYear,
    bankName: row.bankName,
  };
}

export function intentOf(row: DemoIntentRow): ProviderIntent {
  return {
    id: row.id,
    status: row.status as CheckoutStatus,
    amountMinor: Number(row.amountMinor ?? 0),
    currency: row.currency ?? "",
    clientSecret: row.clientSecret,
    methodId: row.methodId,
    method: methodOf(row),
    failureCode: row.failureCode,
    metadata: metadataOf(row.metadata),
    created: row.createdAt,
  };
}

/** Reports an intent's new state the way Stripe's webhook would, in the caller's transaction. */
export async function emit(tx: Db, row: DemoIntentRow, at: Date): Promise<void> {
  let event: ProviderEvent;
  if (row.kind === "setup") {
    const method = methodOf(row);
    if (row.status !== "SUCCEEDED" || !method) return; // Stripe's setup_failed and the like: nothing the app acts on
    event = {
      id: `demo_evt_${randomUUID()}`,
      created: at,
      type: "setup_succeeded",
      customerRef: row.customerRef,
      methodId: method.providerMethodId,
      method,
      metadata: metadataOf(row.metadata),
    };
  } else {
    event = { id: `demo_evt_${randomUUID()}`, created: at, type: "intent", intent: intentOf(row) };
  }
  await storePaymentEvent(tx, "demo", event, at);
}

/** A method confirmed now: its display data and a fresh id (only the last 4 digits are kept). */
export const methodFields = (m: DemoTestMethod, now: Date) => ({
  methodId: `demo_pm_${randomUUID()}`,
  methodKind: m.kind,
  brand: m.brand,
  last4: m.last4,
  expMonth: m.kind === "CARD" ? 12 : null,
  expYear: m.kind === "CARD" ? now.getUTCFullYear() + 3 : null,
  bankName: m.bankName,
});

/** Walks an intent to the outcome of its test method, reporting each state it passes through. */
export async function settleOutcome(
  tx: Db,
  row: DemoIntentRow,
  outcome: DemoTestMethod["outcome"] | "AUTHENTICATION_REQUIRED",
  now: Date,
): Promise<DemoIntentRow> {
  const set = async (status: CheckoutStatus, failureCode: string | null, at: Date) => {
    const next = await updateDemoIntent(tx, row.id, { status, failureCode, updatedAt: at });
    await emit(tx, next, at);
    return next;
  };
  switch (outcome) {
    case "SUCCEEDS":
      return set("SUCCEEDED", null, now);
    case "DECLINED":
      return set("FAILED", "card_declined", now);
    case "AUTHENTICATION_REQUIRED":
      return set("FAILED", "authentication_required", now);
    case "REQUIRES_AUTHENTICATION":
      return set("REQUIRES_ACTION", null, now);
    case "PROCESSING_THEN_SUCCEEDS":
      // A bank debit is processing first; the demo bank then pays at once (a millisecond later on its clock).
      await set("PROCESSING", null, now);
      return set("SUCCEEDED", null, new Date(now.getTime() + 1));
  }
}
