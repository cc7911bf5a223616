import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { CheckoutStatus } from "@/domain/payments/checkout-state";
import {
  demoOffSessionOutcome,
  demoTestMethod,
  type DemoTestMethod,
} from "@/domain/payments/demo-test-methods";
import type { MethodKind } from "@/domain/payments/payment-methods";
import { DomainError } from "@/domain/shared/domain-error";
import type { Db, RootDb } from "@/server/db/types";
import {
  type DemoIntentRow,
  detachDemoMethod,
  findDemoIntent,
  findDemoIntentByMethod,
  insertDemoIntentIfAbsent,
  listDemoSucceeded,
  lockDemoIntent,
  updateDemoIntent,
} from "@/server/payments/demo-provider-repository";
import type {
  MethodDisplay,
  PaymentProvider,
  ProviderEvent,
  ProviderIntent,
} from "@/server/payments/payment-provider";
import { storePaymentEvent } from "@/server/payments/receive-payment-webhook";

/**
 * The demo payment provider (no STRIPE_SECRET_KEY), labelled "Demo payments" wherever it shows. It
 * behaves like Stripe where the app can tell: intents created once per idempotency key, confirmed by
 * the browser with a client secret, outcomes reported as events in the same inbox the Stripe webhook
 * fills (storePaymentEvent), so the app applies a demo payment exactly as a real one. Its state lives
 * in `demo_provider_intents`, so the app server and the worker agree. Only test numbers are accepted.
 */
const metadataOf = (m: unknown): Record<string, string> =>
  m && typeof m === "object" ? (m as Record<string, string>) : {};

function methodOf(row: DemoIntentRow): MethodDisplay | null {
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

function intentOf(row: DemoIntentRow): ProviderIntent {
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
async function emit(tx: Db, row: DemoIntentRow, at: Date): Promise<void> {
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
const methodFields = (m: DemoTestMethod, now: Date) => ({
  methodId: `demo_pm_${randomUUID()}`,
  methodKind: m.kind,
  brand: m.brand,
  last4: m.last4,
  expMonth: m.kind === "CARD" ? 12 : null,
  expYear: m.kind === "CARD" ? now.getUTCFullYear() + 3 : null,
  bankName: m.bankName,
});

/** Walks an intent to the outcome of its test method, reporting each state it passes through. */
async function settleOutcome(
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

const stableId = (prefix: string, key: string) =>
  `${prefix}_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

export function demoProvider(db: RootDb, clock: () => Date = () => new Date()): PaymentProvider {
  const newRow = (
    kind: "payment" | "setup",
    key: string,
    fields: {
      customerRef: string;
      amountMinor: bigint | null;
      currency: string | null;
      methodKinds: string[];
      saveMethod: boolean;
      metadata: Record<string, string>;
    },
  ) => {
    const id = stableId(kind === "payment" ? "demo_pi" : "demo_seti", key);
    const now = clock();
    return {
      id,
      kind,
      idempotencyKey: key,
      status: "CREATED",
      clientSecret: `${id}_secret_${randomBytes(16).toString("hex")}`,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
  };
  return {
    name: "demo",
    async createCustomer({ customerId }) {
      return `demo_cus_${customerId}`;
    },
    async createIntent(input) {
      const fields = {
        customerRef: input.customerRef,
        amountMinor: BigInt(input.amountMinor),
        currency: input.currency,
        methodKinds: input.methodKinds,
        saveMethod: input.saveMethod ?? false,
        metadata: input.metadata,
      };
      const saved = input.method;
      if (!saved)
        return intentOf(await insertDemoIntentIfAbsent(db, newRow("payment", input.idempotencyKey, fields)));
      // Off-session with a saved method (autopay): confirmed at once, with that method's outcome.
      return db.$transaction(async (tx) => {
        const row = await insertDemoIntentIfAbsent(tx, newRow("payment", input.idempotencyKey, fields));
        const locked = await lockDemoIntent(tx, row.id);
        if (locked?.status !== "CREATED") return intentOf(locked ?? row);
        const method = await findDemoIntentByMethod(tx, saved);
        if (!method?.last4 || method.detachedAt)
          throw new DomainError("NOT_FOUND", { entity: "payment_method" });
        const withMethod = await updateDemoIntent(tx, row.id, {
          methodId: saved,
          methodKind: method.methodKind,
          brand: method.brand,
          last4: method.last4,
          expMonth: method.expMonth,
          expYear: method.expYear,
          bankName: method.bankName,
          updatedAt: clock(),
        });
        return intentOf(await settleOutcome(tx, withMethod, demoOffSessionOutcome(method.last4), clock()));
      });
    },
    async retrieveIntent(intentId) {
      const row = await findDemoIntent(db, intentId);
      if (!row) throw new DomainError("NOT_FOUND", { entity: "payment" });
      return intentOf(row);
    },
    async createSetup({ customerRef, methodKinds, metadata, idempotencyKey }) {
      const row = await insertDemoIntentIfAbsent(
        db,
        newRow("setup", idempotencyKey, {
          customerRef,
          amountMinor: null,
          currency: null,
          methodKinds,
          saveMethod: true,
          metadata,
        }),
      );
      return { id: row.id, clientSecret: row.clientSecret };
    },
    async retrieveMethod(providerMethodId) {
      const row = await findDemoIntentByMethod(db, providerMethodId);
      const method = row && methodOf(row);
      if (!method) throw new DomainError("NOT_FOUND", { entity: "payment_method" });
      return method;
    },
    async detachMethod(providerMethodId) {
      await detachDemoMethod(db, providerMethodId, clock());
    },
    async refund({ intentId, amountMinor, metadata, idempotencyKey }) {
      // The demo bank refunds at once; the refund is reported like Stripe's refund.updated.
      const intent = await findDemoIntent(db, intentId);
      if (intent?.status !== "SUCCEEDED")
        throw new DomainError("INVALID_TRANSITION", {
          entity: "payment",
          from: intent?.status ?? "NONE",
          event: "refund",
        });
      const refund = {
        id: stableId("demo_re", idempotencyKey),
        intentId,
        amountMinor,
        currency: intent.currency ?? "",
        status: "SUCCEEDED" as const,
        metadata,
        created: clock(),
      };
      await storePaymentEvent(
        db,
        "demo",
        { id: stableId("demo_evt_re", idempotencyKey), created: refund.created, type: "refund", refund },
        refund.created,
      );
      return refund;
    },
    async *listSucceededIntents(from, to) {
      let after: string | null = null;
      for (;;) {
        const page = await listDemoSucceeded(db, from, to, after, 100);
        for (const row of page) yield intentOf(row);
        if (page.length < 100) return;
        after = page[page.length - 1]?.id ?? null;
      }
    },
    parseWebhook() {
      // The demo writes its events to the inbox itself; nothing outside may post them.
      throw new Error("the demo provider receives no webhooks");
    },
  };
}
