import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nthPeriod, periodAfter, prorate } from "./billing-cycle";
import { addMonthsAnchored, calendarDate, daysInMonth, fromParts, parts, todayIn } from "./calendar-date";
import { formatPeriod, inclusiveBounds, makePeriod, periodDays } from "./period";

const d = calendarDate;

describe("calendar dates", () => {
  it("keeps the anchor day across short months", () => {
    expect(addMonthsAnchored(d("2026-01-31"), 1)).toBe("2026-02-28");
    expect(addMonthsAnchored(d("2028-01-31"), 1)).toBe("2028-02-29");
    expect(addMonthsAnchored(d("2026-01-31"), 2)).toBe("2026-03-31");
    expect(addMonthsAnchored(d("2026-02-28"), 1, 31)).toBe("2026-03-31");
    expect(addMonthsAnchored(d("2026-11-30"), 3)).toBe("2027-02-28");
  });

  it("never passes the anchor and hits it when the month has it", () => {
    const date = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), a: fc.integer({ min: 1, max: 31 }) });
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), ({ y, m, a }, n) => {
        const start = fromParts(y, m, Math.min(a, daysInMonth(y, m)));
        const out = parts(addMonthsAnchored(start, n, a));
        expect(out.day).toBeLessThanOrEqual(a);
        if (daysInMonth(out.year, out.month) >= a) expect(out.day).toBe(a);
      }),
    );
  });

  it("tells the customer's day from their time zone", () => {
    const now = new Date("2026-03-01T06:30:00Z");
    expect(todayIn("Pacific/Kiritimati", now)).toBe("2026-03-01"); // UTC+14
    expect(todayIn("Pacific/Pago_Pago", now)).toBe("2026-02-28"); // UTC-11
    expect(todayIn("Europe/Paris", new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("refuses impossible dates", () => {
    expect(() => d("2026-02-29")).toThrow();
    expect(() => d("2026-2-01")).toThrow();
  });
});

describe("periods", () => {
  it("are half-open and shown inclusive", () => {
    const january = makePeriod(d("2026-01-01"), d("2026-02-01"));
    expect(periodDays(january)).toBe(31);
    expect(inclusiveBounds(january)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(formatPeriod(january, "en")).toBe("Jan 1, 2026 – Jan 31, 2026");
    expect(formatPeriod(january, "fr")).toBe("1 janv. 2026 – 31 janv. 2026");
    expect(() => makePeriod(d("2026-01-01"), d("2026-01-01"))).toThrow();
  });

  it("consecutive cycle periods tile without gap or overlap", () => {
    fc.assert(
      fc.property(
        fc.record({ y: fc.integer({ min: 2000, max: 2090 }), m: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) }),
        fc.constantFrom("MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL", "BIENNIAL" as const),
        ({ y, m, day }, cycle) => {
          const start = fromParts(y, m, Math.min(day, daysInMonth(y, m)));
          let previous = nthPeriod(start, cycle, 0);
          for (let k = 1; k < 14; k++) {
            const next = nthPeriod(start, cycle, k);
            expect(next.start).toBe(previous.end);
            expect(periodAfter(previous, cycle, parts(start).day)).toEqual(next);
            previous = next;
          }
        },
      ),
    );
  });

  it("prorates by days and gives the full amount for the full period", () => {
    const year = makePeriod(d("2026-01-01"), d("2027-01-01"));
    expect(prorate(36500, year, makePeriod(d("2026-01-01"), d("2026-01-11")))).toBe(1000);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (amount) => {
        expect(prorate(amount, year, year)).toBe(amount);
      }),
    );
  });
});
