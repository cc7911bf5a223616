import type { RootDb } from "@/server/db/types";
import { MAX_PAYMENT_EVENT_ATTEMPTS } from "@/server/jobs/handlers/payment-event-apply";
import { logger } from "@/server/logger";
import { listUnprocessedInboxIds } from "@/server/payments/payment-event-repository";

const SWEEP_BATCH = 500;

/**
 * The `payment-event-sweep` job, every minute: every inbox event not processed yet, with attempts
 * left, gets a job (deduplicated per event, so a job waiting for its retry keeps its backoff). An
 * event that used up its attempts stays unprocessed, with its last error, for staff to look at.
 */
export function sweepPaymentEventsHandler(deps: {
  db: RootDb;
  ensureJob: (inboxId: string) => Promise<"queued" | "requeued" | "already-queued">;
}) {
  return async () => {
    let queued = 0;
    for (const id of await listUnprocessedInboxIds(deps.db, MAX_PAYMENT_EVENT_ATTEMPTS, SWEEP_BATCH)) {
      if ((await deps.ensureJob(id.toString())) !== "already-queued") queued++;
    }
    if (queued > 0) logger.info({ queued }, "payment event sweep queued unprocessed events");
    return { queued };
  };
}
