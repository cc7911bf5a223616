import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consumptionSeries } from "./consumption-series";

describe("the consumption series of the portal chart", () => {
  it("accumulates use and purchases per day, in date order", () => {
    const series = consumptionSeries(
      [{ on: "2026-01-05", minutes: 600 }, { on: "2026-02-01", minutes: 1200 }],
      [{ on: "2026-01-10", minutes: 90 }, { on: "2026-01-05", minutes: 30 }, { on: "2026-01-10", minutes: 60 }],
    );
    expect(series).toEqual([
      { on: "2026-01-05", usedMinutes: 30, boughtMinutes: 600 },
      { on: "2026-01-10", usedMinutes: 180, boughtMinutes: 600 },
      { on: "2026-02-01", usedMinutes: 180, boughtMinutes: 1800 },
    ]);
  });

  it("ends on the totals and never goes down", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);
    const items = fc.array(fc.record({ on: day, minutes: fc.integer({ min: 1, max: 600 }) }), { maxLength: 20 });
    fc.assert(
      fc.property(items, items, (purchases, draws) => {
        const s = consumptionSeries(purchases, draws);
        const last = s.at(-1);
        expect(last?.usedMinutes ?? 0).toBe(draws.reduce((a, d) => a + d.minutes, 0));
        expect(last?.boughtMinutes ?? 0).toBe(purchases.reduce((a, d) => a + d.minutes, 0));
        for (let i = 1; i < s.length; i++) {
          expect(s[i]?.usedMinutes).toBeGreaterThanOrEqual(s[i - 1]?.usedMinutes ?? 0);
          expect((s[i]?.on ?? "") > (s[i - 1]?.on ?? "")).toBe(true);
        }
      }),
    );
  });
});
