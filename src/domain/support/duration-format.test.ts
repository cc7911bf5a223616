import { describe, expect, it } from "vitest";
import { formatMinutes, minutesToHours } from "./duration-format";

describe("durations shown to people", () => {
  it("reads as hours and minutes", () => {
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(150)).toBe("2 h 30 min");
    expect(formatMinutes(605)).toBe("10 h 05 min");
  });
  it("converts to decimal hours for charts", () => {
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(20)).toBe(0.33);
  });
});
