import type PgBoss from "pg-boss";
import type { RootDb } from "@/server/db/types";
import { attemptWebhookDelivery, type WebhookSendOptions } from "@/server/webhooks/deliver-webhook";

export interface DeliverWebhookData {
  deliveryId: string;
  /** The attempt this job makes (1 = first); a job whose attempt the row has passed does nothing. */
  attempt: number;
}

/**
 * The `webhook-deliver` job: one attempt at one delivery. The row keeps the schedule (ADR 0016): a
 * failed attempt records when the next is due, and this handler queues that next attempt as its own
 * job (`startAfter` then); the sweep queues it anyway if this process dies before. An error before
 * the attempt was recorded (database unreachable) throws, and pg-boss runs the same attempt again.
 */
export function deliverWebhookHandler(deps: {
  db: RootDb;
  options: WebhookSendOptions;
  queueAttempt: (deliveryId: string, attempt: number, startAfter?: Date) => Promise<unknown>;
}) {
  return async ([job]: PgBoss.Job<DeliverWebhookData>[]) => {
    if (!job) return;
    const { deliveryId, attempt } = job.data;
    const r = await attemptWebhookDelivery(deps.db, deliveryId, { attempt }, () => new Date(), deps.options);
    if (r.outcome === "retry" && r.attempt && r.nextAttemptAt)
      await deps.queueAttempt(deliveryId, r.attempt + 1, r.nextAttemptAt);
    return { outcome: r.outcome };
  };
}
