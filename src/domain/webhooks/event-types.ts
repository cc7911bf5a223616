/**
 * The public names of the billing events published to webhook endpoints (ADR 0016). The database
 * function `webhook_event_type(kind)` (migrations 20261202090000_webhooks, 20261202090200_run_progress_holidays_cancel_event) holds the same table,
 * because the fan-out happens in a trigger; tests/integration/webhooks.int.test.ts checks they agree.
 */
export const WEBHOOK_EVENT_TYPES = {
  ISSUED: "invoice.issued",
  REMINDER_SENT: "invoice.reminder_sent",
  PAYMENT_RECORDED: "invoice.payment_recorded",
  CREDITED: "invoice.credited",
  VOIDED: "invoice.voided",
  PERIOD_STARTED: "subscription.period_started",
  SUSPENDED: "subscription.suspended",
  TERMINATED: "subscription.terminated",
  REINSTATED: "subscription.reinstated",
  CYCLE_LENGTHENED: "subscription.cycle_lengthened",
  /** Only staff cancel a service (by hand, where the customer's group allows it). */
  CANCELLED: "subscription.cancelled",
} as const;

export type WebhookEventKind = keyof typeof WEBHOOK_EVENT_TYPES;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[WebhookEventKind];

/** Every type, in the order the endpoint form lists them (invoices, then subscriptions). */
export const WEBHOOK_EVENT_TYPE_LIST: readonly WebhookEventType[] = Object.values(WEBHOOK_EVENT_TYPES);

export const isWebhookEventType = (v: string): v is WebhookEventType =>
  (WEBHOOK_EVENT_TYPE_LIST as readonly string[]).includes(v);

/** Whether an endpoint subscribed to `types` (empty: every type) receives `type`. */
export const endpointReceives = (types: readonly string[], type: string): boolean =>
  types.length === 0 || types.includes(type);
