/**
 * An online payment attempt (a provider's payment intent) as we follow it from its events, which
 * the provider may deliver several times and in any order. Success is final and always wins; a
 * cancellation is final; among the other states the newest event wins, so a late "failed" never
 * marks a succeeded payment unpaid and a stale "requires action" never undoes a newer failure.
 */
export type CheckoutStatus = "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "FAILED" | "SUCCEEDED" | "CANCELED";

export interface CheckoutProgress {
  readonly status: CheckoutStatus;
  /** When the provider produced the event that set `status` (its clock, not ours). */
  readonly lastEventAt: Date | null;
}

export interface IntentEvent {
  readonly status: Exclude<CheckoutStatus, "CREATED">;
  readonly at: Date;
}

export const isFinalCheckout = (s: CheckoutStatus): boolean => s === "SUCCEEDED" || s === "CANCELED";

/** The progress after an event, or null when the event changes nothing (duplicate, stale, after the end). */
export function applyIntentEvent(current: CheckoutProgress, event: IntentEvent): CheckoutProgress | null {
  if (isFinalCheckout(current.status)) return null;
  if (event.status === current.status) return null;
  if (event.status !== "SUCCEEDED" && current.lastEventAt && event.at < current.lastEventAt) return null;
  return { status: event.status, lastEventAt: event.at };
}
