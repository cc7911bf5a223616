import { type SubscriptionEvent, transitionSubscription } from "@/domain/billing/subscription-state";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { RootDb } from "@/server/db/types";
import { changeSubscriptionStatus, lockSubscription } from "@/server/subscriptions/subscription-repository";

/**
 * Suspends, reinstates, terminates or cancels a subscription, writing the reason to its history.
 * `actor` is null when the automation does it (suspension for non-payment, reinstatement on payment).
 */
export async function applySubscriptionEvent(
  db: RootDb,
  actor: { id: string; email: string } | null,
  subscriptionId: string,
  event: SubscriptionEvent,
  reason: string,
  now: Date,
): Promise<{ status: string }> {
  return db.$transaction(async (tx) => {
    const sub = await lockSubscription(tx, subscriptionId);
    if (!sub) throw new DomainError("NOT_FOUND", { entity: "subscription" });
    const to = transitionSubscription(sub.status, event);
    await changeSubscriptionStatus(tx, sub.id, sub.status, to, { reason, actorUserId: actor?.id ?? null, at: now });
    await recordAudit(tx, {
      action: `subscription.${event}`,
      actorUserId: actor?.id ?? null,
      actorEmail: actor?.email ?? "system",
      targetType: "subscription",
      targetId: sub.id,
      customerId: sub.customer_id,
      details: { from: sub.status, to, reason },
      at: now,
    });
    return { status: to };
  });
}
