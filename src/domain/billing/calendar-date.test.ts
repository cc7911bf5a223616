import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import {
  addDays,
  addMonthsAnchored,
  calendarDate,
  compareDates,
  dayNumber,
  daysBetween,
  daysInMonth,
  formatCalendarDate,
  fromDayNumber,
  fromParts,
  fromUtcMidnight,
  isCalendarDate,
  parts,
  todayIn,
  toUtcMidnight,
} from "./calendar-date";
import { anyDate } from "./test-arbitraries";

const d = calendarDate;

describe("calendar dates", () => {
  it("accept only real YYYY-MM-DD days", () => {
    expect(d("2028-02-29")).toBe("2028-02-29");
    expect(d("2000-02-29")).toBe("2000-02-29"); // divisible by 400: leap
    for (const bad of [
      "2026-02-29",
      "1900-02-29",
      "2026-2-01",
      "2026-13-01",
      "2026-04-31",
      "2026-01-01T00:00:00Z",
      "",
      "20260101",
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(codeOf(() => d(bad))).toBe("VALIDATION_FAILED");
    }
  });

  it("know the length of each month, leap years included", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect([2024, 2100, 2000, 1900, 4].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28, 29]);
  });

  it("round-trip through the UTC midnight a database DATE arrives as", () => {
    expect(toUtcMidnight(d("2026-03-29")).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(fromUtcMidnight(toUtcMidnight(date))).toBe(date);
      }),
    );
  });

  it("add days across month, year and DST boundaries", () => {
    expect(addDays(d("2026-01-31"), 1)).toBe("2026-02-01");
    expect(addDays(d("2026-12-31"), 1)).toBe("2027-01-01");
    expect(addDays(d("2028-03-01"), -1)).toBe("2028-02-29");
    expect(addDays(d("2026-03-28"), 2)).toBe("2026-03-30"); // Europe switches to summer time on the 29th
    expect(codeOf(() => addDays(d("2026-01-01"), 0.5))).toBe("VALIDATION_FAILED");
  });

  it("count days consistently with addDays and compareDates", () => {
    expect(daysBetween(d("2026-01-01"), d("2027-01-01"))).toBe(365);
    expect(daysBetween(d("2028-01-01"), d("2029-01-01"))).toBe(366);
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const n = daysBetween(a, b);
        expect(addDays(a, n)).toBe(b);
        expect(daysBetween(b, a)).toBe(-n || 0);
        expect(compareDates(a, b)).toBe(-Math.sign(n) || 0); // a before b: negative compare, positive count
      }),
    );
  });

  it("count day numbers as JavaScript's Date does, over the whole range of years 0001-9999", () => {
    const anyYearDate = fc
      .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, day }) => fromParts(y, m, Math.min(day, daysInMonth(y, m))));
    const dateDays = (x: string) => new Date(`${x}T00:00:00Z`).getTime() / 86_400_000;
    expect(dayNumber(d("1970-01-01"))).toBe(0);
    expect(dayNumber(d("0001-01-01"))).toBe(dateDays("0001-01-01"));
    expect(fromDayNumber(dayNumber(d("9999-12-31")))).toBe("9999-12-31");
    fc.assert(
      fc.property(anyYearDate, fc.integer({ min: -800, max: 800 }), (x, n) => {
        expect(dayNumber(x)).toBe(dateDays(x));
        expect(fromDayNumber(dayNumber(x))).toBe(x);
        const later = new Date((dateDays(x) + n) * 86_400_000).toISOString().slice(0, 10);
        if (later >= "0001-01-01" && later <= "9999-12-31" && later.length === 10) expect(addDays(x, n)).toBe(later);
      }),
      { numRuns: 2000 },
    );
    expect(fromParts(2028, 2, 29)).toBe("2028-02-29");
    for (const [y, m, day] of [[2026, 2, 29], [1900, 2, 29], [2026, 13, 1], [2026, 4, 31], [0, 1, 1], [10000, 1, 1], [2026, 1, 1.5]] as const) {
      expect(codeOf(() => fromParts(y, m, day)), `${y}-${m}-${day}`).toBe("VALIDATION_FAILED");
    }
    expect(fromUtcMidnight(new Date("1969-12-31T23:59:59.999Z"))).toBe("1969-12-31");
    // Outside the years a calendar date can have, adding days is refused rather than producing a malformed day.
    expect(codeOf(() => addDays(d("9999-12-31"), 1))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => addDays(d("0001-01-01"), -1))).toBe("VALIDATION_FAILED");
  });

  it("keep the anchor day across short months", () => {
    expect(addMonthsAnchored(d("2026-01-31"), 1)).toBe("2026-02-28");
    expect(addMonthsAnchored(d("2028-01-31"), 1)).toBe("2028-02-29");
    expect(addMonthsAnchored(d("2026-01-31"), 2)).toBe("2026-03-31");
    expect(addMonthsAnchored(d("2026-01-31"), 3)).toBe("2026-04-30");
    expect(addMonthsAnchored(d("2026-02-28"), 1, 31)).toBe("2026-03-31");
    expect(addMonthsAnchored(d("2026-11-30"), 3)).toBe("2027-02-28");
    expect(addMonthsAnchored(d("2024-02-29"), 12)).toBe("2025-02-28");
    expect(addMonthsAnchored(d("2024-02-29"), 48)).toBe("2028-02-29");
    expect(addMonthsAnchored(d("2026-03-31"), -1)).toBe("2026-02-28");
    expect(addMonthsAnchored(d("2026-01-15"), -13)).toBe("2024-12-15");
  });

  it("compute each step from the anchor, not by chaining", () => {
    // Chaining would lose the 31st for good after February: Jan 31 -> Feb 28 -> Mar 28.
    const chained = addMonthsAnchored(addMonthsAnchored(d("2026-01-31"), 1), 1);
    expect(chained).toBe("2026-03-28");
    expect(addMonthsAnchored(d("2026-01-31"), 2)).toBe("2026-03-31");
    expect(addMonthsAnchored(d("2026-02-28"), 1, 31)).toBe("2026-03-31"); // or pass the anchor along
  });

  it("refuse fractional month steps and impossible anchors", () => {
    expect(codeOf(() => addMonthsAnchored(d("2026-01-31"), 1.5))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => addMonthsAnchored(d("2026-01-31"), 1, 0))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => addMonthsAnchored(d("2026-01-31"), 1, 32))).toBe("VALIDATION_FAILED");
  });

  it("never pass the anchor and hit it exactly when the month has it", () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -600, max: 600 }),
        (start, anchor, n) => {
          const before = parts(start);
          const out = parts(addMonthsAnchored(start, n, anchor));
          expect(out.year * 12 + out.month - (before.year * 12 + before.month)).toBe(n);
          expect(out.day).toBeLessThanOrEqual(anchor);
          expect(out.day).toBe(Math.min(anchor, daysInMonth(out.year, out.month)));
        },
      ),
    );
  });

  it("tell the customer's day from their time zone, around midnight UTC", () => {
    // Kiritimati is UTC+14 and Pago Pago UTC-11: at some instants they are two calendar days apart.
    const midnight = new Date("2026-03-01T00:00:00Z");
    expect(todayIn("UTC", midnight)).toBe("2026-03-01");
    expect(todayIn("Pacific/Kiritimati", midnight)).toBe("2026-03-01");
    expect(todayIn("Pacific/Pago_Pago", midnight)).toBe("2026-02-28");
    const justBefore = new Date("2026-02-28T23:59:59Z");
    expect(todayIn("UTC", justBefore)).toBe("2026-02-28");
    expect(todayIn("Pacific/Kiritimati", justBefore)).toBe("2026-03-01");
    expect(todayIn("Pacific/Pago_Pago", justBefore)).toBe("2026-02-28");
    const morning = new Date("2026-03-01T10:30:00Z");
    expect(todayIn("Pacific/Kiritimati", morning)).toBe("2026-03-02");
    expect(todayIn("Pacific/Pago_Pago", morning)).toBe("2026-02-28");
    expect(todayIn("Europe/Paris", new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayIn("America/Montreal", new Date("2027-01-01T04:59:00Z"))).toBe("2026-12-31");
    expect(codeOf(() => todayIn("Mars/Olympus_Mons", midnight))).toBe("VALIDATION_FAILED");
  });

  it("stay within a day of the UTC date, wherever the customer is", () => {
    const zones = fc.constantFrom(
      "UTC",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Asia/Kolkata",
      "America/St_Johns",
      "Australia/Eucla",
    );
    fc.assert(
      fc.property(zones, fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, ms) => {
        const now = new Date(ms);
        const gap = daysBetween(fromUtcMidnight(now), todayIn(zone, now));
        expect(Math.abs(gap)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("print as plain days in the reader's language, whatever the server's zone", () => {
    expect(formatCalendarDate(d("2026-01-31"), "en")).toBe("Jan 31, 2026");
    expect(formatCalendarDate(d("2026-01-31"), "fr")).toBe("31 janv. 2026");
    expect(formatCalendarDate(d("2026-01-31"), "es")).toBe("31 ene 2026");
    expect(formatCalendarDate(d("2026-01-01"), "en", "long")).toBe("January 1, 2026");
  });
});
