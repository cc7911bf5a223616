import { createHash, randomBytes } from "node:crypto";
import { demoOffSessionOutcome } from "@/domain/payments/demo-test-methods";
import { DomainError } from "@/domain/shared/domain-error";
import type { RootDb } from "@/server/db/types";
import { intentOf, methodOf, settleOutcome } from "@/server/payments/demo-intent-states";
import {
  detachDemoMethod,
  findDemoIntent,
  findDemoIntentByMethod,
  insertDemoIntentIfAbsent,
  listDemoSucceeded,
  lockDemoIntent,
  updateDemoIntent,
} from "@/server/payments/demo-provider-repository";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { storePaymentEvent } from "@/server/payments/receive-payment-webhook";

/** Ids derived from the idempotency key: a repeated creation finds the same row (and event id). */
const stableId = (prefix: string, key: string) =>
  `${prefix}_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

/**
 * The demo payment provider (no STRIPE_SECRET_KEY), labelled "Demo payments" wherever it shows. It
 * behaves like Stripe where the app can tell: intents created once per idempotency key, confirmed by
 * the browser with a client secret, outcomes reported as events in the same inbox the Stripe webhook
 * fills (storePaymentEvent), so the app applies a demo payment exactly as a real one. Its state lives
 * in `demo_provider_intents`, so the app server and the worker agree. Only test numbers are accepted
 * (confirm-demo-intent.ts, the demo payment form's use-cases).
 */
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
