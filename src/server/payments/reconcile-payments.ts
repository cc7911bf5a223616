import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { applyPaymentEvent } from "@/server/payments/apply-payment-event";
import { findCheckout, findCheckoutByIntent } from "@/server/payments/checkout-repository";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { storePaymentEvent } from "@/server/payments/receive-payment-webhook";
import {
  finishReconciliationRun,
  inboxIdOf,
  insertReconciliationRun,
  settledCheckoutsBetween,
} from "@/server/payments/reconciliation-repository";

/** How far back a run looks: a lost webhook is found within a week, whatever the runs missed. */
export const RECONCILE_DAYS = 7;

export type ReconciliationFinding =
  | {
      kind: "SETTLED_LOST_WEBHOOK";
      intentId: string;
      checkoutId: string;
      amountMinor: number;
      currency: string;
    }
  | { kind: "UNKNOWN_AT_US"; intentId: string; amountMinor: number; currency: string }
  | {
      kind: "MISSING_AT_PROVIDER";
      intentId: string | null;
      checkoutId: string;
      amountMinor: number;
      currency: string;
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Compares the provider's succeeded intents of the last days with our checkouts (ADR 0019). A
 * success we never settled (its webhook was lost) is settled through the same path as a webhook:
 * the intent goes into the inbox as an event whose id derives from the intent (so two runs store it
 * once) and is applied there, where a success applies once whoever reports it. A succeeded intent we
 * cannot tie to a checkout, or a settled checkout the provider does not list, is a finding for staff.
 * Everything is written on a `reconciliation_runs` row.
 */
export async function reconcilePayments(
  db: RootDb,
  provider: PaymentProvider,
  now: Date,
  days = RECONCILE_DAYS,
): Promise<{ runId: string; counts: Record<string, number>; findings: ReconciliationFinding[] }> {
  const from = new Date(now.getTime() - days * 86_400_000);
  const run = await insertReconciliationRun(db, {
    provider: provider.name,
    periodFrom: from,
    periodTo: now,
    startedAt: now,
  });
  const findings: ReconciliationFinding[] = [];
  const counts = { providerSucceeded: 0, matched: 0, settled: 0, unknownAtUs: 0, missingAtProvider: 0 };
  try {
    const seen = new Set<string>();
    for await (const intent of provider.listSucceededIntents(from, now)) {
      counts.providerSucceeded++;
      seen.add(intent.id);
      const id = intent.metadata.checkoutId;
      const checkout =
        (await findCheckoutByIntent(db, provider.name, intent.id)) ??
        (id && UUID.test(id) ? await findCheckout(db, id) : null);
      if (!checkout || checkout.provider !== provider.name) {
        counts.unknownAtUs++;
        findings.push({
          kind: "UNKNOWN_AT_US",
          intentId: intent.id,
          amountMinor: intent.amountMinor,
          currency: intent.currency,
        });
        continue;
      }
      if (checkout.settledAt) {
        counts.matched++;
        continue;
      }
      const eventId = `reconcile_${intent.id}`;
      await storePaymentEvent(db, provider.name, { id: eventId, created: now, type: "intent", intent }, now);
      const inboxId = await inboxIdOf(db, provider.name, eventId);
      const outcome = inboxId === null ? "unknown" : await applyPaymentEvent(db, provider, inboxId, now);
      if (outcome === "settled") {
        counts.settled++;
        findings.push({
          kind: "SETTLED_LOST_WEBHOOK",
          intentId: intent.id,
          checkoutId: checkout.id,
          amountMinor: intent.amountMinor,
          currency: intent.currency,
        });
      } else counts.matched++;
    }
    for (const c of await settledCheckoutsBetween(db, provider.name, from, now)) {
      if (c.providerIntentId && seen.has(c.providerIntentId)) continue;
      counts.missingAtProvider++;
      findings.push({
        kind: "MISSING_AT_PROVIDER",
        intentId: c.providerIntentId,
        checkoutId: c.id,
        amountMinor: Number(c.amountMinor),
        currency: c.currency,
      });
    }
    await finishReconciliationRun(db, run.id, {
      status: "SUCCEEDED",
      counts,
      findings,
      finishedAt: new Date(),
    });
  } catch (e) {
    logger.error({ runId: run.id, err: (e as Error).message }, "reconciliation failed");
    await finishReconciliationRun(db, run.id, { status: "FAILED", counts, findings, finishedAt: new Date() });
    throw e;
  }
  return { runId: run.id, counts, findings };
}
