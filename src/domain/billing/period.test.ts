import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { addDays, type CalendarDate, calendarDate, compareDates, daysBetween } from "./calendar-date";
import {
  formatPeriod,
  inclusiveBounds,
  makePeriod,
  type Period,
  periodContains,
  periodDays,
  periodsOverlap,
} from "./period";
import { anyDate } from "./test-arbitraries";

const d = calendarDate;
const p = (start: string, end: string) => makePeriod(d(start), d(end));

/** A period of 1 to 800 days starting on any date. */
const anyPeriod: fc.Arbitrary<Period> = fc
  .tuple(anyDate, fc.integer({ min: 1, max: 800 }))
  .map(([start, days]) => makePeriod(start, addDays(start, days)));

const later = (a: CalendarDate, b: CalendarDate) => (compareDates(a, b) >= 0 ? a : b);
const earlier = (a: CalendarDate, b: CalendarDate) => (compareDates(a, b) <= 0 ? a : b);

describe("periods", () => {
  it("are half-open and refuse to end on or before their start", () => {
    expect(periodDays(p("2026-01-01", "2026-02-01"))).toBe(31);
    expect(periodDays(p("2028-02-01", "2028-03-01"))).toBe(29);
    expect(periodDays(p("2026-01-01", "2026-01-02"))).toBe(1);
    expect(codeOf(() => p("2026-01-01", "2026-01-01"))).toBe("INVALID_PERIOD");
    expect(codeOf(() => p("2026-02-01", "2026-01-01"))).toBe("INVALID_PERIOD");
  });

  it("contain their start day but not their end day", () => {
    const january = p("2026-01-01", "2026-02-01");
    expect(periodContains(january, d("2025-12-31"))).toBe(false);
    expect(periodContains(january, d("2026-01-01"))).toBe(true);
    expect(periodContains(january, d("2026-01-31"))).toBe(true);
    expect(periodContains(january, d("2026-02-01"))).toBe(false);
  });

  it("overlap only when they share a day; neighbours sharing a boundary do not", () => {
    expect(periodsOverlap(p("2026-01-01", "2026-02-01"), p("2026-02-01", "2026-03-01"))).toBe(false);
    expect(periodsOverlap(p("2026-01-01", "2026-02-02"), p("2026-02-01", "2026-03-01"))).toBe(true);
    expect(periodsOverlap(p("2026-01-10", "2026-01-11"), p("2026-01-01", "2026-02-01"))).toBe(true);
  });

  it("are shown to people with both days included", () => {
    const january = p("2026-01-01", "2026-02-01");
    expect(inclusiveBounds(january)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(inclusiveBounds(p("2026-03-05", "2026-03-06"))).toEqual({ from: "2026-03-05", to: "2026-03-05" });
    expect(formatPeriod(january, "en")).toBe("Jan 1, 2026 – Jan 31, 2026");
    expect(formatPeriod(january, "fr")).toBe("1 janv. 2026 – 31 janv. 2026");
    expect(formatPeriod(january, "es")).toBe("1 ene 2026 – 31 ene 2026");
    expect(formatPeriod(p("2028-02-01", "2028-03-01"), "en")).toBe("Feb 1, 2028 – Feb 29, 2028");
  });

  it("contain exactly the days counted by periodDays", () => {
    fc.assert(
      fc.property(anyPeriod, anyDate, (period, day) => {
        const offset = daysBetween(period.start, day);
        expect(periodContains(period, day)).toBe(offset >= 0 && offset < periodDays(period));
        expect(periodContains(period, inclusiveBounds(period).to)).toBe(true);
        expect(periodContains(period, period.end)).toBe(false);
      }),
    );
  });

  it("overlap symmetrically, exactly when some day lies in both", () => {
    fc.assert(
      fc.property(anyPeriod, anyPeriod, (a, b) => {
        const shared = compareDates(later(a.start, b.start), earlier(a.end, b.end)) < 0;
        expect(periodsOverlap(a, b)).toBe(shared);
        expect(periodsOverlap(b, a)).toBe(shared);
        if (shared)
          expect(
            periodContains(a, later(a.start, b.start)) && periodContains(b, later(a.start, b.start)),
          ).toBe(true);
        expect(periodsOverlap(a, a)).toBe(true);
        const next = makePeriod(a.end, addDays(a.end, 1));
        expect(periodsOverlap(a, next)).toBe(false);
      }),
    );
  });
});
