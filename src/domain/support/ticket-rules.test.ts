import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstResponseAfterStaffReply, isAboutToBreach, mayChangeTicketStatus, slaState } from "./ticket-rules";

const at = (iso: string) => new Date(iso);
const due = at("2026-12-07T16:30:00Z");

describe("a ticket's SLA state", () => {
  it("is due with whole minutes left, breached at and after its deadline", () => {
    expect(slaState({ responseDueAt: due, firstResponseAt: null }, at("2026-12-07T16:00:30Z"))).toEqual({ kind: "DUE", minutesLeft: 30 });
    expect(slaState({ responseDueAt: due, firstResponseAt: null }, due)).toEqual({ kind: "BREACHED", overdueMinutes: 0 });
    expect(slaState({ responseDueAt: due, firstResponseAt: null }, at("2026-12-07T17:45:00Z"))).toEqual({ kind: "BREACHED", overdueMinutes: 75 });
  });

  it("once responded, says on time or late whatever the clock says now", () => {
    expect(slaState({ responseDueAt: due, firstResponseAt: due }, at("2027-01-01T00:00:00Z"))).toEqual({ kind: "RESPONDED_ON_TIME" });
    expect(slaState({ responseDueAt: due, firstResponseAt: at("2026-12-07T16:31:00Z") }, at("2026-12-07T16:00:00Z"))).toEqual({ kind: "RESPONDED_LATE", lateMinutes: 1 });
  });

  it("is about to breach only when open, unanswered and due within the hour (or overdue)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.boolean(), fc.boolean(), (minutesLeft, open, responded) => {
        const now = new Date(due.getTime() - minutesLeft * 60_000);
        const t = { responseDueAt: due, firstResponseAt: responded ? now : null, status: open ? ("OPEN" as const) : ("CLOSED" as const) };
        expect(isAboutToBreach(t, now)).toBe(open && !responded && minutesLeft <= 60);
      }),
    );
  });
});

describe("ticket status and first response", () => {
  it("closes an open ticket and reopens a closed one, nothing else", () => {
    expect(mayChangeTicketStatus("OPEN", "CLOSED")).toBe(true);
    expect(mayChangeTicketStatus("CLOSED", "OPEN")).toBe(true);
    expect(mayChangeTicketStatus("OPEN", "OPEN")).toBe(false);
    expect(mayChangeTicketStatus("CLOSED", "CLOSED")).toBe(false);
  });

  it("keeps the first response once set", () => {
    expect(firstResponseAfterStaffReply(null, due)).toBe(due);
    expect(firstResponseAfterStaffReply(at("2026-12-01T00:00:00Z"), due)).toEqual(at("2026-12-01T00:00:00Z"));
  });
});
