import { describe, expect, it } from "vitest";
import { addBusinessDays } from "@/domain/billing/business-days";
import { addDays, type CalendarDate, calendarDate } from "@/domain/billing/calendar-date";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { isKnownHolidayCalendar, publicHolidays } from "./public-holidays";

const d = calendarDate;

/** Every holiday of a year, in order, by walking its days through the predicate. */
function holidaysIn(year: number, isHoliday: (day: CalendarDate) => boolean): string[] {
  const days: string[] = [];
  for (let day = d(`${year}-01-01`); day < `${year + 1}-01-01`; day = addDays(day, 1)) {
    if (isHoliday(day)) days.push(day);
  }
  return days;
}

describe("public holidays from date-holidays", () => {
  it("are France's eleven public holidays of 2026, without observances", () => {
    expect(holidaysIn(2026, publicHolidays("FR"))).toEqual([
      "2026-01-01",
      "2026-04-06", // Easter Monday
      "2026-05-01",
      "2026-05-08",
      "2026-05-14", // Ascension
      "2026-05-25", // Whit Monday (Pentecost Sunday and Mother's Day are observances)
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
  });

  it("add a region's own days: Moselle has Good Friday and 26 December", () => {
    const moselle = publicHolidays("FR", "57");
    expect(moselle(d("2026-04-03"))).toBe(true);
    expect(moselle(d("2026-12-26"))).toBe(true);
    expect(publicHolidays("FR")(d("2026-04-03"))).toBe(false);
  });

  it("include substitute days and skip bank holidays", () => {
    expect(publicHolidays("US")(d("2027-07-05"))).toBe(true); // Independence Day falls on a Sunday
    expect(publicHolidays("DE")(d("2026-12-24"))).toBe(false); // Christmas Eve is a bank holiday
  });

  it("cover every day of a holiday that lasts several", () => {
    const armenia = publicHolidays("AM");
    expect(armenia(d("2026-01-01"))).toBe(true);
    expect(armenia(d("2026-01-02"))).toBe(true);
  });

  it("feed business-day counting: 5 business days after 30 April 2026 in France is 11 May", () => {
    expect(addBusinessDays(d("2026-04-30"), 5, publicHolidays("FR"))).toBe("2026-05-11");
  });

  it("refuse a country or region the library does not know", () => {
    expect(isKnownHolidayCalendar("FR", null)).toBe(true);
    expect(isKnownHolidayCalendar("ZZ", null)).toBe(false);
    expect(isKnownHolidayCalendar("FR", "ZZ")).toBe(false);
    expect(codeOf(() => publicHolidays("ZZ"))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => publicHolidays("FR", "ZZ"))).toBe("VALIDATION_FAILED");
  });
});
