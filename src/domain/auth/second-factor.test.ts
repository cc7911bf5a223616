import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  candidateSteps,
  parseSecondFactor,
  REMEMBER_DEVICE_MS,
  rememberedDeviceValid,
  secondFactorRequired,
  totpStepAt,
} from "./second-factor";

describe("second factor rules", () => {
  it("accepts the previous, current and next step, never one already used", () => {
    const at = 1_700_000_015_000; // 15 s into a step
    const now = totpStepAt(at);
    expect(candidateSteps(at, null)).toEqual([now, now - 1, now + 1]);
    expect(candidateSteps(at, now - 1)).toEqual([now, now + 1]);
    expect(candidateSteps(at, now)).toEqual([now + 1]);
    expect(candidateSteps(at, now + 1)).toEqual([]);
  });

  it("never offers a step at or before the last used one, nor more than one step away", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.option(fc.integer({ min: 0, max: 200_000_000 })), (at, last) => {
        for (const s of candidateSteps(at, last)) {
          if (last !== null) expect(s).toBeGreaterThan(last);
          expect(Math.abs(s - totpStepAt(at))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("tells codes from recovery codes", () => {
    expect(parseSecondFactor(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactor("ABCDE-23456")).toEqual({ kind: "recovery", code: "abcde23456" });
    expect(parseSecondFactor("12345")).toEqual({ kind: "malformed" });
  });

  it("requires a second factor for admins only", () => {
    expect(secondFactorRequired(["ADMIN"])).toBe(true);
    expect(secondFactorRequired(["BILLING", "SUPPORT"])).toBe(false);
  });

  it("remembers a device for 30 days at most, for the same user, session version and enrolment", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const enabled = new Date("2026-12-01T10:00:00Z");
    const user = { id: "u1", sessionVersion: 3, totpEnabledAt: enabled };
    const claim = { userId: "u1", sessionVersion: 3, totpEnabledAtMs: enabled.getTime(), expiresAtMs: now.getTime() + 1000 };
    expect(rememberedDeviceValid(claim, user, now)).toBe(true);
    expect(rememberedDeviceValid({ ...claim, sessionVersion: 2 }, user, now)).toBe(false);
    expect(rememberedDeviceValid({ ...claim, userId: "u2" }, user, now)).toBe(false);
    expect(rememberedDeviceValid(claim, { ...user, totpEnabledAt: null }, now)).toBe(false);
    expect(rememberedDeviceValid(claim, { ...user, totpEnabledAt: new Date() }, now)).toBe(false);
    expect(rememberedDeviceValid({ ...claim, expiresAtMs: now.getTime() }, user, now)).toBe(false);
    expect(rememberedDeviceValid({ ...claim, expiresAtMs: now.getTime() + REMEMBER_DEVICE_MS + 1 }, user, now)).toBe(false);
  });
});
