import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyIntentEvent, type CheckoutProgress, type IntentEvent } from "./checkout-state";

const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s));
const start: CheckoutProgress = { status: "CREATED", lastEventAt: null };

function replay(events: readonly IntentEvent[]): CheckoutProgress {
  return events.reduce((p, e) => applyIntentEvent(p, e) ?? p, start);
}

describe("following a payment intent from its events", () => {
  it("ignores a late failure after success, a duplicate, and a stale event", () => {
    const paid = replay([{ status: "REQUIRES_ACTION", at: at(1) }, { status: "SUCCEEDED", at: at(3) }]);
    expect(applyIntentEvent(paid, { status: "FAILED", at: at(2) })).toBeNull();
    expect(applyIntentEvent(paid, { status: "SUCCEEDED", at: at(3) })).toBeNull();
    const failed = replay([{ status: "FAILED", at: at(5) }]);
    expect(applyIntentEvent(failed, { status: "REQUIRES_ACTION", at: at(4) })).toBeNull();
    // A retried intent may still succeed after a failure, even if its success is reported out of order.
    expect(applyIntentEvent(failed, { status: "SUCCEEDED", at: at(4) })).toEqual({ status: "SUCCEEDED", lastEventAt: at(4) });
  });

  it("ends SUCCEEDED whenever a success is among the events, in any order and with duplicates", () => {
    const status = fc.constantFrom<IntentEvent["status"]>("REQUIRES_ACTION", "PROCESSING", "FAILED", "SUCCEEDED");
    const events = fc.array(fc.record({ status, at: fc.integer({ min: 0, max: 59 }).map(at) }), { maxLength: 10 });
    fc.assert(
      fc.property(events, (list) => {
        if (list.some((e) => e.status === "SUCCEEDED")) expect(replay(list).status).toBe("SUCCEEDED");
        else expect(replay(list).status).not.toBe("SUCCEEDED");
      }),
    );
  });
});
