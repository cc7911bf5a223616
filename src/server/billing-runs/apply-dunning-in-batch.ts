import type { ScheduledAction } from "@/domain/billing/schedule-model";
import { transitionSubscription } from "@/domain/billing/subscription-state";
import {
  changeSubscriptionStatuses,
  claimEvents,
  insertHolds,
} from "@/server/billing-runs/billing-batch-repository";
import type { Db } from "@/server/db/types";

export type DunningAction = Extract<ScheduledAction, { kind: "SUSPEND" | "SUSPEND_ALL" | "TERMINATE" }>;

/**
 * The dunning steps of a batch (apply-plans-in-batch.ts), with the effects of applyScheduledAction's
 * `dunningStep`, set-based: the step's key first (taken = done by an earlier run), then a hold per
 * (subscription, invoice) for suspensions, ACTIVE subscriptions SUSPENDED, then SUSPENDED ones of the
 * terminations TERMINATED, each change in the subscription's history with the reason of the first
 * step that made it (plan order). Suspensions go before terminations: a plan terminates on D+25 only
 * what it suspended before. The caller has locked the invoices and kept the steps of those still owed.
 */
export async function applyDunningSteps(
  tx: Db,
  steps: { a: DunningAction; customerId: string }[],
  runId: string | null,
  now: Date,
) {
  const claimed = await claimEvents(
    tx,
    steps.map(({ a, customerId }) => ({
      key: a.key,
      kind: a.kind === "TERMINATE" ? "TERMINATED" : "SUSPENDED",
      cause: a.cause,
      customerId,
      invoiceId: a.invoiceId,
      subscriptionId: null,
      // Provisioning systems learn from the webhook which services to act on (ADR 0016).
      details: { step: a.kind, subscriptionIds: a.subscriptionIds },
    })),
    runId,
    now,
  );
  const todo = steps
    .filter(({ a }) => claimed.has(a.key))
    .map(({ a }) => ({ a, invoiceId: a.invoiceId as string }));
  const suspends = todo.filter(({ a }) => a.kind !== "TERMINATE");
  const terminates = todo.filter(({ a }) => a.kind === "TERMINATE");
  await insertHolds(
    tx,
    suspends.flatMap(({ a, invoiceId }) =>
      a.subscriptionIds.map((subscriptionId) => ({ subscriptionId, invoiceId, cause: a.cause })),
    ),
    now,
  );
  const firstReason = (list: typeof todo, reason: (invoiceId: string, cause: string) => string) => {
    const reasons = new Map<string, string>();
    for (const { a, invoiceId } of list) {
      for (const id of a.subscriptionIds) if (!reasons.has(id)) reasons.set(id, reason(invoiceId, a.cause));
    }
    return [...reasons].map(([subscriptionId, r]) => ({ subscriptionId, reason: r }));
  };
  const suspensions = await changeSubscriptionStatuses(
    tx,
    firstReason(suspends, (invoiceId, cause) => `${cause}: invoice ${invoiceId}`),
    "ACTIVE",
    transitionSubscription("ACTIVE", "suspend"),
    now,
  );
  const terminations = await changeSubscriptionStatuses(
    tx,
    firstReason(terminates, (invoiceId) => `TERMINATED: invoice ${invoiceId} unpaid`),
    "SUSPENDED",
    transitionSubscription("SUSPENDED", "terminate"),
    now,
  );
  return { suspensions, terminations };
}
