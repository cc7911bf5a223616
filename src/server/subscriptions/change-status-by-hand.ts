import { type SubscriptionEvent, transitionSubscription } from "@/domain/billing/subscription-state";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { manualStatusChangesAllowed } from "@/server/customer-groups/customer-group-repository";
import type { RootDb } from "@/server/db/types";
import { changeSubscriptionStatus, lockSubscription } from "@/server/subscriptions/subscription-repository";

const EVENT_KIND: Record<SubscriptionEvent, string> = { suspend: "SUSPENDED", reinstate: "REINSTATED", terminate: "TERMINATED", cancel: "CANCELLED" };

/**
 * A member of staff suspends, reinstates, terminates or cancels a service by hand. A service's
 * status normally follows orders, invoices, payments and dates, as the sources promise customers,
 * so this is refused (409 MANUAL_STATUS_CHANGES_DISABLED) unless an administrator allowed it for the
 * customer's group. The reason is required and recorded three times: in the service's history, as a
 * billing event (its timeline, and the webhook that tells provisioning), and in the audit log.
 * Reinstating by hand also releases the unpaid invoices' holds, or the next payment of one of them
 * would find nothing to lift and the next suspension step would not know it was overridden.
 */
export async function changeSubscriptionStatusByHand(
  db: RootDb,
  actor: StaffActor,
  subscriptionId: string,
  event: SubscriptionEvent,
  reason: string,
  now: Date,
): Promise<{ status: string }> {
  return db.$transaction(async (tx) => {
    const sub = await lockSubscription(tx, subscriptionId);
    if (!sub) throw new DomainError("NOT_FOUND", { entity: "subscription" });
    if (!(await manualStatusChangesAllowed(tx, subscriptionId))) throw new DomainError("MANUAL_STATUS_CHANGES_DISABLED");
    const to = transitionSubscription(sub.status, event);
    await changeSubscriptionStatus(tx, sub.id, sub.status, to, { reason: `MANUAL: ${reason}`, actorUserId: actor.id, at: now });
    if (event === "reinstate") {
      await tx.$executeRaw`UPDATE subscription_holds SET released_at = ${now} WHERE subscription_id = ${sub.id}::uuid AND released_at IS NULL`;
    }
    const eventId = crypto.randomUUID();
    await tx.$executeRaw`
      INSERT INTO billing_events (key, kind, cause, customer_id, subscription_id, details, at)
      VALUES (${`manual:${eventId}`}, ${EVENT_KIND[event]}, 'MANUAL', ${sub.customer_id}::uuid, ${sub.id}::uuid,
        ${JSON.stringify({ reason, by: actor.email, from: sub.status, to })}::jsonb, ${now})`;
    await recordAudit(tx, {
      action: `subscription.${event}`,
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "subscription",
      targetId: sub.id,
      customerId: sub.customer_id,
      details: { from: sub.status, to, reason },
      at: now,
    });
    return { status: to };
  });
}
