import { describe, expect, it } from "vitest";
import { calendarDate } from "./calendar-date";
import { fmtDate, fmtMoney, fmtPeriod, fmtQuantity, fmtRate } from "./display-format";

const space = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("display helpers", () => {
  it("format amounts, dates, periods, rates and quantities per locale", () => {
    expect(space(fmtMoney(-1050, "EUR", "fr"))).toBe("-10,50 €");
    expect(fmtDate(calendarDate("2026-07-14"), "en")).toBe("Jul 14, 2026");
    expect(fmtPeriod({ start: calendarDate("2026-01-01"), end: calendarDate("2026-04-01") }, "en")).toBe(
      "Jan 1, 2026 – Mar 31, 2026",
    );
    expect(space(fmtRate(550, "es"))).toBe("5,5 %");
    expect(fmtQuantity("1.250", "en")).toBe("1.25");
    expect(fmtQuantity("1.250", "fr")).toBe("1,25");
  });

  it("show a dash for a missing date and nothing for a missing period", () => {
    expect(fmtDate(null, "en")).toBe("—");
    expect(fmtPeriod(null, "en")).toBe("");
  });
});
