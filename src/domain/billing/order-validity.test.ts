import { describe, expect, it } from "vitest";
import { calendarDate } from "./calendar-date";
import { isOrderExpired, orderValidUntil } from "./order-validity";

describe("order validity", () => {
  it("runs from the day the order was sent in the customer's time zone", () => {
    // 23:30 UTC on Jan 31 is already Feb 1 in Paris.
    expect(orderValidUntil(new Date("2026-01-31T23:30:00Z"), 30, "Europe/Paris")).toBe("2026-03-03");
    expect(orderValidUntil(new Date("2026-01-31T23:30:00Z"), 30, "UTC")).toBe("2026-03-02");
    expect(orderValidUntil(null, 30, "UTC")).toBeNull();
  });

  it("includes its last day", () => {
    const until = calendarDate("2026-03-02");
    expect(isOrderExpired(until, calendarDate("2026-03-02"))).toBe(false);
    expect(isOrderExpired(until, calendarDate("2026-03-03"))).toBe(true);
    expect(isOrderExpired(null, calendarDate("2030-01-01"))).toBe(false);
  });
});
