import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankPrice, drawFromBanks, thresholdsCrossed, tierProblem } from "./hour-bank";

const TIERS = [
  { fromHours: 1, rateMinor: 9500 },
  { fromHours: 10, rateMinor: 9000 },
  { fromHours: 20, rateMinor: 8500 },
];

describe("hour banks", () => {
  it("prices every hour at the highest tier reached, and more hours never cost less in total", () => {
    expect(bankPrice(5, TIERS)).toEqual({ rateMinor: 9500, totalMinor: 47500 });
    expect(bankPrice(10, TIERS)).toEqual({ rateMinor: 9000, totalMinor: 90000 });
    expect(bankPrice(40, TIERS)).toEqual({ rateMinor: 8500, totalMinor: 340000 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(bankPrice(hi, TIERS).rateMinor).toBeLessThanOrEqual(bankPrice(lo, TIERS).rateMinor);
      }),
    );
  });

  it("refuses tier lists that cannot price a bank", () => {
    expect(tierProblem([])).toBe("NO_TIERS");
    expect(tierProblem([{ fromHours: 5, rateMinor: 100 }])).toBe("FIRST_TIER_NOT_AT_ONE_HOUR");
    expect(tierProblem([{ fromHours: 1, rateMinor: 100 }, { fromHours: 10, rateMinor: 120 }])).toBe("RATE_GOES_UP");
    expect(tierProblem([{ fromHours: 1, rateMinor: 100 }, { fromHours: 1, rateMinor: 90 }])).toBe("DUPLICATE_TIER");
    expect(() => bankPrice(0, TIERS)).toThrow(RangeError);
  });

  it("draws oldest purchase first; the overage is what the banks cannot cover; nothing is lost or invented", () => {
    const banks = [
      { bankId: "b", purchasedAt: new Date("2026-05-01"), remainingMinutes: 60 },
      { bankId: "a", purchasedAt: new Date("2026-01-01"), remainingMinutes: 30 },
    ];
    expect(drawFromBanks(banks, 45)).toEqual({ draws: [{ bankId: "a", minutes: 30 }, { bankId: "b", minutes: 15 }], overageMinutes: 0 });
    expect(drawFromBanks(banks, 120)).toEqual({ draws: [{ bankId: "a", minutes: 30 }, { bankId: "b", minutes: 60 }], overageMinutes: 30 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ bankId: fc.uuid(), purchasedAt: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), remainingMinutes: fc.nat(10_000) }), { maxLength: 6 }),
        fc.nat(20_000),
        (bs, minutes) => {
          const { draws, overageMinutes } = drawFromBanks(bs, minutes);
          const drawn = draws.reduce((s, d) => s + d.minutes, 0);
          expect(drawn + overageMinutes).toBe(minutes);
          const total = bs.reduce((s, b) => s + b.remainingMinutes, 0);
          expect(overageMinutes).toBe(Math.max(0, minutes - total));
          for (const d of draws) expect(d.minutes).toBeLessThanOrEqual(bs.find((b) => b.bankId === d.bankId)?.remainingMinutes ?? 0);
        },
      ),
    );
  });

  it("tells each low-balance threshold once, when it is crossed", () => {
    expect(thresholdsCrossed(600, 400, 500)).toEqual([80]);
    expect(thresholdsCrossed(600, 500, 590)).toEqual([95]);
    expect(thresholdsCrossed(600, 400, 600)).toEqual([80, 95]);
    expect(thresholdsCrossed(600, 490, 500)).toEqual([]);
    expect(thresholdsCrossed(0, 0, 10)).toEqual([]);
  });
});
