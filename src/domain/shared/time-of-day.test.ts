import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf } from "./testing";
import { dailyCron, isTimeOfDay, parseTimeOfDay } from "./time-of-day";

describe("time of day", () => {
  it("reads a 24-hour HH:MM time", () => {
    expect(parseTimeOfDay("06:00")).toEqual({ hour: 6, minute: 0 });
    expect(parseTimeOfDay("23:59")).toEqual({ hour: 23, minute: 59 });
    expect(parseTimeOfDay("00:00")).toEqual({ hour: 0, minute: 0 });
  });

  it("refuses anything else", () => {
    for (const bad of ["6:00", "24:00", "12:60", "06:00:00", "0600", " 06:00", "06h00", ""]) {
      expect(isTimeOfDay(bad)).toBe(false);
      expect(errorCodeOf(() => parseTimeOfDay(bad))).toBe("VALIDATION_FAILED");
    }
  });

  it("fires once a day at that minute and hour", () => {
    expect(dailyCron(parseTimeOfDay("06:00"))).toBe("0 6 * * *");
    expect(dailyCron(parseTimeOfDay("18:05"))).toBe("5 18 * * *");
  });

  it("round-trips every minute of the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const text = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
        expect(parseTimeOfDay(text)).toEqual({ hour, minute });
        expect(dailyCron({ hour, minute })).toBe(`${minute} ${hour} * * *`);
      }),
    );
  });
});
