import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "@/domain/shared/domain-error";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import {
  isFinalSubscriptionStatus,
  type SubscriptionEvent,
  type SubscriptionStatusName,
  transitionSubscription,
} from "./subscription-state";

const STATUSES: SubscriptionStatusName[] = ["ACTIVE", "SUSPENDED", "TERMINATED", "CANCELLED"];
const EVENTS: SubscriptionEvent[] = ["suspend", "reinstate", "terminate", "cancel"];

/** The lifecycle as the product describes it, written out independently of the code's table. */
const ALLOWED: Record<string, SubscriptionStatusName> = {
  "ACTIVE suspend": "SUSPENDED",
  "ACTIVE cancel": "CANCELLED",
  "SUSPENDED reinstate": "ACTIVE",
  "SUSPENDED terminate": "TERMINATED",
  "SUSPENDED cancel": "CANCELLED",
};

describe("subscription lifecycle", () => {
  it("allows exactly the transitions of the table, refusing the rest with their cause", () => {
    for (const from of STATUSES) {
      for (const event of EVENTS) {
        const expected = ALLOWED[`${from} ${event}`];
        if (expected) {
          expect(transitionSubscription(from, event)).toBe(expected);
          continue;
        }
        try {
          transitionSubscription(from, event);
          expect.unreachable(`${from} ${event} should be refused`);
        } catch (e) {
          expect(isDomainError(e) && e.code).toBe("INVALID_TRANSITION");
          expect(isDomainError(e) && e.details).toEqual({ entity: "subscription", from, event });
        }
      }
    }
  });

  it("knows terminated and cancelled as the final states", () => {
    expect(STATUSES.filter(isFinalSubscriptionStatus)).toEqual(["TERMINATED", "CANCELLED"]);
  });

  it("never leaves a final state, whatever the events", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.array(fc.constantFrom(...EVENTS), { maxLength: 30 }),
        (initial, events) => {
          let status = initial;
          let reachedFinal: SubscriptionStatusName | null = isFinalSubscriptionStatus(status) ? status : null;
          for (const event of events) {
            const before = status;
            if (codeOf(() => transitionSubscription(before, event)) === "OK")
              status = transitionSubscription(before, event);
            if (reachedFinal) expect(status).toBe(reachedFinal);
            if (isFinalSubscriptionStatus(status)) reachedFinal = status;
          }
        },
      ),
    );
  });
});
