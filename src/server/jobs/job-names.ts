/**
 * The queues of the job worker (pg-boss queue names: letters, digits and hyphens). A job's handler
 * lives in `handlers/`, named after its queue.
 */
export const JOB = {
  /** One outbox e-mail to send; the job id is the e-mail's id, so each e-mail has one job at a time. */
  deliverEmail: "outbox-deliver",
  /** Every minute: a delivery job for any pending e-mail that has none (missed announcement, crash). */
  sweepOutbox: "outbox-sweep",
  /** One attempt at one webhook delivery; the job id is derived from (delivery id, attempt number). */
  deliverWebhook: "webhook-deliver",
  /** Every minute and when a new delivery is announced: an attempt job for every due webhook delivery. */
  sweepWebhooks: "webhook-sweep",
  /** One payment provider event of the inbox to apply (ADR 0019); the job id derives from the inbox row's id. */
  applyPaymentEvent: "payment-event-apply",
  /** Every minute: a job for any inbox event left unprocessed (missed announcement, crash), attempts left. */
  sweepPaymentEvents: "payment-event-sweep",
  /** The daily billing run, once per local date (registered by the worker only when given a handler). */
  billingRun: "billing-run",
  /** The daily autopay charges (ADR 0019), once per local date, at AUTOPAY_AT. */
  autopay: "autopay-run",
  /** The daily reconciliation with the payment provider (ADR 0019), once per local date, at RECONCILE_AT. */
  reconcilePayments: "payments-reconcile",
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** The queue a daily job's cron fires into; its handler enqueues the job of the local date. */
export const tickQueueOf = (name: string) => `${name}-tick`;
