import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES, CHANNELS, chargeEntry, chargedMinutes, DEFAULT_CHARGING_RULES, NEVER_FROM_BANK, URGENCIES } from "./charging-rules";

const facts = fc.record({
  actualMinutes: fc.integer({ min: 1, max: 24 * 60 }),
  urgency: fc.constantFrom(...URGENCIES),
  channel: fc.constantFrom(...CHANNELS),
  activity: fc.constantFrom(...ACTIVITY_TYPES),
  travelKm: fc.integer({ min: 0, max: 500 }),
  travelMinutes: fc.integer({ min: 0, max: 600 }),
});

describe("support charging rules", () => {
  it("applies the sources' table", () => {
    const { withBank, withoutBank } = DEFAULT_CHARGING_RULES;
    expect(chargedMinutes(7, withBank.REGULAR.PHONE)).toBe(15);
    expect(chargedMinutes(16, withBank.REGULAR.PHONE)).toBe(30);
    expect(chargedMinutes(7, withoutBank.REGULAR.PHONE)).toBe(30);
    expect(chargedMinutes(20, withBank.REGULAR.ON_SITE)).toBe(60); // 30 min increment, 1 h minimum
    expect(chargedMinutes(70, withBank.REGULAR.ON_SITE)).toBe(90);
    expect(chargedMinutes(70, withoutBank.REGULAR.ON_SITE)).toBe(120);
    expect(chargedMinutes(5, withBank.URGENT.PHONE)).toBe(60);
    expect(chargedMinutes(61, withBank.URGENT.PHONE)).toBe(90);
    expect(chargedMinutes(61, withBank.URGENT.ON_SITE)).toBe(120);
    expect(chargedMinutes(121, withBank.URGENT.ON_SITE)).toBe(180);
    expect(chargedMinutes(121, withoutBank.URGENT.ON_SITE)).toBe(240);
  });

  it("charges at least the time spent, a multiple of the increment, at least the minimum", () => {
    fc.assert(
      fc.property(facts, fc.boolean(), (entry, hasBank) => {
        const charge = chargeEntry(entry, hasBank);
        const grid = charge.fromBank ? DEFAULT_CHARGING_RULES.withBank : DEFAULT_CHARGING_RULES.withoutBank;
        const r = grid[entry.urgency][entry.channel];
        expect(charge.chargedMinutes).toBeGreaterThanOrEqual(entry.actualMinutes);
        expect(charge.chargedMinutes).toBeGreaterThanOrEqual(r.minimumMinutes);
        expect(charge.chargedMinutes % r.incrementMinutes === 0 || charge.chargedMinutes === r.minimumMinutes).toBe(true);
        // Less than one increment above what rounding up gives, unless the minimum lifted it.
        expect(charge.chargedMinutes - entry.actualMinutes < r.incrementMinutes || charge.chargedMinutes === r.minimumMinutes).toBe(true);
      }),
    );
  });

  it("never draws training or change requests from a bank, nor anything without one", () => {
    fc.assert(
      fc.property(facts, fc.boolean(), (entry, hasBank) => {
        const charge = chargeEntry(entry, hasBank);
        if (!hasBank || NEVER_FROM_BANK.includes(entry.activity)) expect(charge.fromBank).toBe(false);
        else expect(charge.fromBank).toBe(true);
      }),
    );
  });

  it("a bank is never charged more than the same work without one", () => {
    fc.assert(
      fc.property(facts, (entry) => {
        expect(chargeEntry(entry, true).chargedMinutes).toBeLessThanOrEqual(chargeEntry(entry, false).chargedMinutes);
      }),
    );
  });

  it("charges travel only beyond the free radius, on top and never from the bank", () => {
    const base = { actualMinutes: 30, urgency: "REGULAR", channel: "ON_SITE", activity: "SUPPORT", travelMinutes: 50 } as const;
    expect(chargeEntry({ ...base, travelKm: 25 }, true)).toMatchObject({ travelMinutes: 0, travelDistanceMinor: 0 });
    expect(chargeEntry({ ...base, travelKm: 40 }, true)).toMatchObject({ travelMinutes: 50, fromBank: true, chargedMinutes: 60 });
    const byDistance = { ...DEFAULT_CHARGING_RULES, travel: { freeRadiusKm: 25, chargeTime: false, chargeDistance: true, ratePerKmMinor: 60 } };
    expect(chargeEntry({ ...base, travelKm: 40 }, true, byDistance)).toMatchObject({ travelMinutes: 0, travelDistanceMinor: 900 });
  });

  it("refuses impossible times", () => {
    expect(() => chargedMinutes(0, { incrementMinutes: 15, minimumMinutes: 0 })).toThrow(RangeError);
    expect(() => chargedMinutes(1.5, { incrementMinutes: 15, minimumMinutes: 0 })).toThrow(RangeError);
    expect(() => chargedMinutes(10, { incrementMinutes: 0, minimumMinutes: 0 })).toThrow(RangeError);
  });
});
