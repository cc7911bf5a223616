import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../billing/calendar-date";
import { holidaysFrom, isBusinessDay } from "../billing/business-days";
import { DESK_HOURS, deskMinutesBetween, localTime, RESPONSE_MINUTES, type SlaCalendar, slaDeadline } from "./sla-calendar";

// Quebec's 2026 public holidays around the tests (the shipped example calendar).
const QUEBEC_2026 = holidaysFrom(["2026-01-01", "2026-04-03", "2026-05-18", "2026-06-24", "2026-07-01", "2026-09-07", "2026-10-12", "2026-12-25"] as CalendarDate[]);
const regular: SlaCalendar = { timeZone: "America/Toronto", ...DESK_HOURS.REGULAR, isHoliday: QUEBEC_2026 };
const urgent: SlaCalendar = { timeZone: "America/Toronto", ...DESK_HOURS.URGENT, isHoliday: QUEBEC_2026 };

describe("SLA calendar", () => {
  it("counts desk minutes only: same day, overnight, over a weekend and a holiday", () => {
    // Tuesday 10:00 EDT (14:00Z) + 4 h → 14:00 the same day.
    expect(slaDeadline(new Date("2026-06-02T14:00:00Z"), RESPONSE_MINUTES.REGULAR, regular).toISOString()).toBe("2026-06-02T18:00:00.000Z");
    // Tuesday 16:00 EDT: 1 h left today, 3 h Wednesday from 8:30 → 11:30.
    expect(slaDeadline(new Date("2026-06-02T20:00:00Z"), 240, regular).toISOString()).toBe("2026-06-03T15:30:00.000Z");
    // Friday 16:00 EDT → Monday 11:30.
    expect(slaDeadline(new Date("2026-06-05T20:00:00Z"), 240, regular).toISOString()).toBe("2026-06-08T15:30:00.000Z");
    // Tuesday 23 June 16:00, Wednesday 24 June is the Fête nationale → Thursday 11:30.
    expect(slaDeadline(new Date("2026-06-23T20:00:00Z"), 240, regular).toISOString()).toBe("2026-06-25T15:30:00.000Z");
    // Received on Saturday night: urgent starts Monday 7:00 → 8:00.
    expect(slaDeadline(new Date("2026-06-07T02:00:00Z"), RESPONSE_MINUTES.URGENT, urgent).toISOString()).toBe("2026-06-08T12:00:00.000Z");
  });

  it("keeps local desk hours across a DST change", () => {
    // Friday 6 March 2026 16:00 EST (21:00Z); clocks go forward on Sunday 8 March: Monday 11:30 EDT is 15:30Z.
    expect(slaDeadline(new Date("2026-03-06T21:00:00Z"), 240, regular).toISOString()).toBe("2026-03-09T15:30:00.000Z");
    // Friday 30 October 16:00 EDT (20:00Z); clocks go back on Sunday 1 November: Monday 11:30 EST is 16:30Z.
    expect(slaDeadline(new Date("2026-10-30T20:00:00Z"), 240, regular).toISOString()).toBe("2026-11-02T16:30:00.000Z");
  });

  it("lands within desk hours on a desk day, and exactly that many desk minutes after receipt", () => {
    const instants = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 3000 }), fc.constantFrom(regular, urgent), (received, minutes, cal) => {
        const deadline = slaDeadline(received, minutes, cal);
        expect(deadline.getTime()).toBeGreaterThan(received.getTime());
        const local = localTime(deadline, cal.timeZone);
        expect(isBusinessDay(local.date, cal.isHoliday)).toBe(true);
        expect(local.minute).toBeGreaterThan(cal.opensAt);
        expect(local.minute).toBeLessThanOrEqual(cal.closesAt);
        expect(deskMinutesBetween(received, deadline, cal)).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 300 },
    );
  });
});
