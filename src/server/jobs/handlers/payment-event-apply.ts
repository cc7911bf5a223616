import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import type { RootDb } from "@/server/db/types";
import { applyPaymentEvent } from "@/server/payments/apply-payment-event";
import type { PaymentProvider } from "@/server/payments/payment-provider";

export interface ApplyPaymentEventData {
  /** The inbox row's id (bigint, as a string: job data is JSON). */
  inboxId: string;
}

/** Attempts at one event before it is left for staff (and reconciliation): about 20 minutes of backoff. */
export const MAX_PAYMENT_EVENT_ATTEMPTS = 8;

/**
 * The job id of an inbox event: a UUID derived from the row id, so whoever queues it (the listener,
 * the sweep, another instance) queues the same single job.
 */
export function paymentEventJobId(inboxId: string): string {
  const h = createHash("sha256").update(`payment-event:${inboxId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The `payment-event-apply` job: applies one inbox event (apply-payment-event.ts). An event that
 * cannot apply yet, or any failure, throws: pg-boss retries it with exponential backoff.
 */
export function applyPaymentEventHandler(deps: { db: RootDb; provider: () => PaymentProvider }) {
  return async ([job]: PgBoss.Job<ApplyPaymentEventData>[]) => {
    if (!job) return;
    const outcome = await applyPaymentEvent(deps.db, deps.provider(), BigInt(job.data.inboxId), new Date());
    return { outcome };
  };
}
