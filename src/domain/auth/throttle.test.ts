import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideSignInThrottle, minutesUntil, THROTTLE_POLICY } from "./throttle";

const now = new Date("2026-11-23T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const none = { count: 0, last: null };

describe("decideSignInThrottle", () => {
  it("allows a clean account without delay", () => {
    expect(decideSignInThrottle({ account: none, address: none }, now)).toEqual({ kind: "allow", delayMs: 0 });
  });

  it("slows down after a few account failures, doubling each time", () => {
    const d3 = decideSignInThrottle({ account: { count: 3, last: ago(1000) }, address: none }, now);
    const d4 = decideSignInThrottle({ account: { count: 4, last: ago(1000) }, address: none }, now);
    expect(d3).toEqual({ kind: "allow", delayMs: 500 });
    expect(d4).toEqual({ kind: "allow", delayMs: 1000 });
  });

  it("refuses an account after five failures until the window has passed since the last one", () => {
    const last = ago(60_000);
    const d = decideSignInThrottle({ account: { count: 5, last }, address: none }, now);
    expect(d).toEqual({ kind: "refuse", scope: "account", retryAt: new Date(last.getTime() + THROTTLE_POLICY.windowMs) });
    const later = decideSignInThrottle({ account: { count: 5, last: ago(THROTTLE_POLICY.windowMs) }, address: none }, now);
    expect(later.kind).toBe("allow");
  });

  it("refuses a noisy address whatever the account", () => {
    const d = decideSignInThrottle({ account: none, address: { count: 30, last: ago(1) } }, now);
    expect(d.kind === "refuse" && d.scope).toBe("address");
  });

  it("never delays more than the cap, and a refusal always lies in the future", () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(THROTTLE_POLICY.windowMs * 2), (a, b, age) => {
        const d = decideSignInThrottle({ account: { count: a, last: ago(age) }, address: { count: b, last: ago(age) } }, now);
        if (d.kind === "allow") return d.delayMs >= 0 && d.delayMs <= THROTTLE_POLICY.maxDelayMs;
        return d.retryAt > now;
      }),
    );
  });
});

describe("minutesUntil", () => {
  it("rounds up and is at least one minute", () => {
    expect(minutesUntil(new Date(now.getTime() + 61_000), now)).toBe(2);
    expect(minutesUntil(new Date(now.getTime() + 1), now)).toBe(1);
  });
});
