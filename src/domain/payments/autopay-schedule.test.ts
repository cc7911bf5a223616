import { describe, expect, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { autopayAttemptDay, dueAutopayAttempt } from "./autopay-schedule";

const d = (s: string) => s as CalendarDate;

describe("the autopay schedule", () => {
  it("charges on the due date, then 1, 3 and 5 days later, and no more", () => {
    expect([0, 1, 2, 3, 4].map((n) => autopayAttemptDay(d("2026-01-30"), n))).toEqual(["2026-01-30", "2026-01-31", "2026-02-02", "2026-02-04", null]);
  });

  it("makes the latest attempt that fell due, once, and nothing early", () => {
    expect(dueAutopayAttempt(d("2026-03-10"), 0, d("2026-03-09"))).toBeNull();
    expect(dueAutopayAttempt(d("2026-03-10"), 0, d("2026-03-10"))).toBe(0);
    expect(dueAutopayAttempt(d("2026-03-10"), 1, d("2026-03-10"))).toBeNull();
    expect(dueAutopayAttempt(d("2026-03-10"), 1, d("2026-03-14"))).toBe(2);
    expect(dueAutopayAttempt(d("2026-03-10"), 4, d("2026-04-30"))).toBeNull();
  });
});
