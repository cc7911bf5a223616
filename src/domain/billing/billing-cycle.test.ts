import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { BILLING_CYCLES, CYCLE_MONTHS, firstPeriod, nthPeriod, periodAfter, prorate } from "./billing-cycle";
import { addDays, calendarDate, parts } from "./calendar-date";
import { makePeriod, periodDays, periodsOverlap } from "./period";
import { anyDate } from "./test-arbitraries";

const d = calendarDate;
const p = (start: string, end: string) => makePeriod(d(start), d(end));
const anyCycle = fc.constantFrom(...BILLING_CYCLES);

describe("billing cycles", () => {
  it("last 1, 3, 6, 12 or 24 months", () => {
    expect(BILLING_CYCLES.map((c) => CYCLE_MONTHS[c])).toEqual([1, 3, 6, 12, 24]);
  });

  it("keep a month-end anchor: monthly from Jan 31", () => {
    const start = d("2026-01-31");
    expect([0, 1, 2, 3].map((k) => nthPeriod(start, "MONTHLY", k))).toEqual([
      p("2026-01-31", "2026-02-28"),
      p("2026-02-28", "2026-03-31"),
      p("2026-03-31", "2026-04-30"),
      p("2026-04-30", "2026-05-31"),
    ]);
    expect(nthPeriod(d("2028-01-31"), "MONTHLY", 0)).toEqual(p("2028-01-31", "2028-02-29"));
    expect(periodAfter(p("2026-01-31", "2026-02-28"), "MONTHLY", 31)).toEqual(p("2026-02-28", "2026-03-31"));
  });

  it("keep a February 29 anchor across years", () => {
    expect(nthPeriod(d("2024-02-29"), "ANNUAL", 0)).toEqual(p("2024-02-29", "2025-02-28"));
    expect(nthPeriod(d("2024-02-29"), "ANNUAL", 3)).toEqual(p("2027-02-28", "2028-02-29"));
    expect(nthPeriod(d("2024-02-29"), "BIENNIAL", 0)).toEqual(p("2024-02-29", "2026-02-28"));
    expect(firstPeriod(d("2026-11-30"), "QUARTERLY")).toEqual(p("2026-11-30", "2027-02-28"));
    expect(nthPeriod(d("2026-08-31"), "SEMIANNUAL", 1)).toEqual(p("2027-02-28", "2027-08-31"));
  });

  it("tile without gaps or overlaps, and periodAfter walks the same path", () => {
    fc.assert(
      fc.property(anyDate, anyCycle, (start, cycle) => {
        const anchor = parts(start).day;
        let previous = nthPeriod(start, cycle, 0);
        expect(previous.start).toBe(start);
        for (let k = 1; k < 30; k++) {
          const next = nthPeriod(start, cycle, k);
          expect(next.start).toBe(previous.end);
          expect(periodsOverlap(previous, next)).toBe(false);
          expect(periodAfter(previous, cycle, anchor)).toEqual(next);
          previous = next;
        }
      }),
    );
  });

  it("give every monthly period 28 to 31 days", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 200 }), (start, k) => {
        const days = periodDays(nthPeriod(start, "MONTHLY", k));
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe("proration", () => {
  const year = p("2026-01-01", "2027-01-01");

  it("charges by days, rounded half away from zero", () => {
    expect(prorate(36500, year, p("2026-01-01", "2026-01-11"))).toBe(1000);
    expect(prorate(1000, p("2026-02-01", "2026-03-01"), p("2026-02-15", "2026-03-01"))).toBe(500);
    expect(prorate(1000, p("2026-01-01", "2026-01-04"), p("2026-01-01", "2026-01-02"))).toBe(333); // 333.33
    expect(prorate(1000, p("2026-01-01", "2026-01-04"), p("2026-01-01", "2026-01-03"))).toBe(667); // 666.67
    expect(prorate(-1000, p("2026-01-01", "2026-01-04"), p("2026-01-01", "2026-01-03"))).toBe(-667);
    expect(prorate(1, p("2026-01-01", "2026-01-03"), p("2026-01-01", "2026-01-02"))).toBe(1); // 0.5 -> 1
  });

  it("refuses a part that reaches outside the full period", () => {
    expect(codeOf(() => prorate(1000, year, p("2025-12-31", "2026-01-10")))).toBe("INVALID_PERIOD");
    expect(codeOf(() => prorate(1000, year, p("2026-12-01", "2027-01-02")))).toBe("INVALID_PERIOD");
  });

  it("gives the full amount for all the days of the period", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), anyDate, anyCycle, (amount, start, cycle) => {
        const full = nthPeriod(start, cycle, 0);
        expect(prorate(amount, full, full)).toBe(amount || 0);
      }),
    );
  });

  it("stays within half a minor unit of the exact share and never exceeds the full amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        anyDate,
        fc.integer({ min: 1, max: 366 }),
        fc.nat(),
        fc.nat(),
        (amount, start, days, a, b) => {
          const full = makePeriod(start, addDays(start, days));
          const from = a % days;
          const to = from + 1 + (b % (days - from));
          const part = makePeriod(addDays(start, from), addDays(start, to));
          const charged = prorate(amount, full, part);
          expect(Math.abs(charged * days - amount * periodDays(part))).toBeLessThanOrEqual(days / 2);
          expect(charged).toBeLessThanOrEqual(amount);
        },
      ),
    );
  });
});
