import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { applyPaymentEvent } from "@/server/payments/apply-payment-event";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { unappliedDemoEventIds } from "@/server/payments/portal-payment-repository";

/**
 * After the demo form's transaction committed, applies the events it wrote, in this process, through
 * the very function the `payment-event-apply` job calls. The job path stays: the inbox row was
 * announced and the worker (or its sweep) applies whatever this did not; `applyPaymentEvent` locks
 * the row and skips a processed one, so whoever comes second changes nothing. Why: the person who
 * pressed Pay sees the outcome at once, and a server started without the worker (`JOBS=off`, the
 * browser tests) still settles demo payments. A failure is left to the job's retries.
 */
export async function applyDemoEventsNow(
  db: RootDb,
  provider: PaymentProvider,
  customerId: string,
  now: Date,
): Promise<void> {
  if (provider.name !== "demo") return;
  for (const id of await unappliedDemoEventIds(db, customerId)) {
    try {
      await applyPaymentEvent(db, provider, id, now);
    } catch (e) {
      logger.warn(
        { inboxId: id.toString(), err: (e as Error).message },
        "demo payment event left to the worker",
      );
    }
  }
}
