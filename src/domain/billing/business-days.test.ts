import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import {
  addBusinessDays,
  businessDaysBetween,
  dayOfWeek,
  holidaysFrom,
  isBusinessDay,
  isWeekend,
  noHolidays,
} from "./business-days";
import { addDays, type CalendarDate, calendarDate, daysBetween } from "./calendar-date";
import { anyDate } from "./test-arbitraries";

const d = calendarDate;
/** France's public holidays of spring 2026 (date-holidays agrees; see public-holidays.test.ts). */
const france = holidaysFrom(["2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25"].map(d));

/** Some random holidays around a date: a quarter of the days of the next 60. */
const someHolidays = (from: CalendarDate) =>
  fc
    .array(fc.integer({ min: -30, max: 60 }), { maxLength: 25 })
    .map((offsets) => holidaysFrom(offsets.map((o) => addDays(from, o))));

describe("business days", () => {
  it("know the weekend", () => {
    expect(dayOfWeek(d("2026-01-01"))).toBe(4); // a Thursday
    expect(isWeekend(d("2026-01-03"))).toBe(true);
    expect(isWeekend(d("2026-01-04"))).toBe(true);
    expect(isWeekend(d("2026-01-05"))).toBe(false);
    expect(isBusinessDay(d("2026-05-01"), france)).toBe(false); // a Friday, but Labour Day
    expect(isBusinessDay(d("2026-05-01"), noHolidays)).toBe(true);
    expect(dayOfWeek(d("1969-12-28"))).toBe(0); // before 1970 too: a Sunday
    fc.assert(
      fc.property(anyDate, (x) => {
        expect(dayOfWeek(x)).toBe(new Date(`${x}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it("skip weekends and holidays: 5 business days after 30 April 2026 in France is 11 May", () => {
    // Fri 1 May (holiday), weekend, Mon 4 - Thu 7 (4), Fri 8 May (holiday), weekend, Mon 11 (5).
    expect(addBusinessDays(d("2026-04-30"), 5, france)).toBe("2026-05-11");
    expect(addBusinessDays(d("2026-04-30"), 5, noHolidays)).toBe("2026-05-07");
    // From a Saturday, the Monday is the first business day; Whit Monday pushes it to Tuesday.
    expect(addBusinessDays(d("2026-05-23"), 1, france)).toBe("2026-05-26");
    // Across a year end and a leap day.
    expect(addBusinessDays(d("2027-12-31"), 1, holidaysFrom([d("2028-01-03")]))).toBe("2028-01-04");
    expect(addBusinessDays(d("2028-02-25"), 3, noHolidays)).toBe("2028-03-01"); // Mon 28, Tue 29, Wed 1
  });

  it("count backwards with a negative n, and n = 0 is the day itself even when closed", () => {
    expect(addBusinessDays(d("2026-05-11"), -5, france)).toBe("2026-04-30");
    expect(addBusinessDays(d("2026-05-01"), 0, france)).toBe("2026-05-01");
  });

  it("refuse fractions and a calendar without working days", () => {
    expect(codeOf(() => addBusinessDays(d("2026-01-01"), 1.5, noHolidays))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => addBusinessDays(d("2026-01-01"), 1, () => true))).toBe("VALIDATION_FAILED");
  });

  it("land on a business day, n business days later, never sooner than n calendar days", () => {
    fc.assert(
      fc.property(
        anyDate.chain((from) =>
          fc.tuple(fc.constant(from), someHolidays(from), fc.integer({ min: 1, max: 40 })),
        ),
        ([from, isHoliday, n]) => {
          const to = addBusinessDays(from, n, isHoliday);
          expect(isBusinessDay(to, isHoliday)).toBe(true);
          expect(businessDaysBetween(from, to, isHoliday)).toBe(n);
          expect(businessDaysBetween(from, addDays(to, -1), isHoliday)).toBe(n - 1);
          expect(daysBetween(from, to)).toBeGreaterThanOrEqual(n);
        },
      ),
    );
  });

  it("add up (a then b is a + b) and walk back to a business day they started from", () => {
    fc.assert(
      fc.property(
        anyDate.chain((from) => fc.tuple(fc.constant(from), someHolidays(from))),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        ([from, isHoliday], a, b) => {
          const once = addBusinessDays(from, a + b, isHoliday);
          expect(addBusinessDays(addBusinessDays(from, a, isHoliday), b, isHoliday)).toBe(once);
          if (isBusinessDay(from, isHoliday)) expect(addBusinessDays(once, -(a + b), isHoliday)).toBe(from);
        },
      ),
    );
  });

  it("without holidays, every 5 business days are one calendar week", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 50 }), (from, weeks) => {
        const start = isWeekend(from) ? addBusinessDays(from, 1, noHolidays) : from;
        expect(daysBetween(start, addBusinessDays(start, 5 * weeks, noHolidays))).toBe(7 * weeks);
      }),
    );
  });
});
