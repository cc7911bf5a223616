import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { listDueWebhookDeliveries } from "@/server/webhooks/webhook-repository";

const SWEEP_BATCH = 500;

/**
 * The `webhook-sweep` job (every minute, at start, and whenever the fan-out trigger announces new
 * deliveries): makes sure every due pending delivery has a job for its next attempt. Queuing is
 * deduplicated by the job id (delivery, attempt), so sweeping often never doubles an attempt.
 */
export function sweepWebhooksHandler(deps: {
  db: RootDb;
  queueAttempt: (deliveryId: string, attempt: number) => Promise<"queued" | "requeued" | "already-queued">;
}) {
  return async () => {
    let queued = 0;
    for (const d of await listDueWebhookDeliveries(deps.db, new Date(), SWEEP_BATCH)) {
      if ((await deps.queueAttempt(d.id, d.attempts + 1)) !== "already-queued") queued++;
    }
    if (queued > 0) logger.info({ queued }, "webhook sweep queued deliveries");
    return { queued };
  };
}
