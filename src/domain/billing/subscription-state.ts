import { DomainError } from "@/domain/shared/domain-error";

export type SubscriptionStatusName = "ACTIVE" | "SUSPENDED" | "TERMINATED" | "CANCELLED";
export type SubscriptionEvent = "suspend" | "reinstate" | "terminate" | "cancel";

/** Terminated and cancelled are final: nothing brings them back. */
const TRANSITIONS: Record<SubscriptionStatusName, Partial<Record<SubscriptionEvent, SubscriptionStatusName>>> = {
  ACTIVE: { suspend: "SUSPENDED", cancel: "CANCELLED" },
  SUSPENDED: { reinstate: "ACTIVE", terminate: "TERMINATED", cancel: "CANCELLED" },
  TERMINATED: {},
  CANCELLED: {},
};

export function transitionSubscription(from: SubscriptionStatusName, event: SubscriptionEvent): SubscriptionStatusName {
  const to = TRANSITIONS[from][event];
  if (!to) throw new DomainError("INVALID_TRANSITION", { entity: "subscription", from, event });
  return to;
}

export const isFinalSubscriptionStatus = (s: SubscriptionStatusName): boolean => Object.keys(TRANSITIONS[s]).length === 0;
