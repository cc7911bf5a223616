import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { holidaysFrom, noHolidays } from "./business-days";
import { todayIn } from "./calendar-date";
import { DEFAULT_DUNNING_POLICY } from "./dunning-policy";
import { type LogEntry, runDaily } from "./billing-simulation";
import { applied, brief, customer, d, plan, subscription } from "./test-schedule-fixtures";

describe("reminders", () => {
  const issued = runDaily(
    customer(subscription("a", "2026-01-01")),
    d("2026-01-17"),
    d("2026-01-17"),
    DEFAULT_DUNNING_POLICY,
    noHolidays,
    [],
  );

  it("go 10, 5 and 1 days before the due date when runs are daily", () => {
    const log: LogEntry[] = [];
    runDaily(issued, d("2026-01-18"), d("2026-02-01"), DEFAULT_DUNNING_POLICY, noHolidays, log);
    expect(
      applied(log).map((a) => `${a.kind === "SEND_REMINDER" ? a.daysBeforeDue : a.kind} ${a.day}`),
    ).toEqual(["10 2026-01-22", "5 2026-01-27", "1 2026-01-31", "START_PERIOD 2026-02-01"]);
  });

  it("after days without runs, only the latest one that has come goes, and none after the due date", () => {
    expect(
      plan(issued, "2026-01-29").map((a) => (a.kind === "SEND_REMINDER" ? [a.daysBeforeDue, a.on] : a.kind)),
    ).toEqual([[5, "2026-01-27"]]);
    const sentFive = { ...issued, invoices: issued.invoices.map((i) => ({ ...i, remindersSent: [5] })) };
    expect(plan(sentFive, "2026-01-30")).toEqual([]); // the skipped D-10 never goes
    expect(brief(plan(sentFive, "2026-01-31"))).toEqual(["SEND_REMINDER 2026-01-31"]);
    expect(brief(plan(issued, "2026-02-01"))).toEqual([
      "SEND_REMINDER 2026-01-31",
      "START_PERIOD 2026-02-01",
    ]);
    expect(plan(issued, "2026-02-02").filter((a) => a.kind === "SEND_REMINDER")).toEqual([]);
  });

  it("never go for a paid or voided invoice", () => {
    for (const status of ["PAID", "VOID"] as const) {
      const settled = {
        ...issued,
        invoices: issued.invoices.map((i) => ({ ...i, status, balanceMinor: 0 })),
      };
      expect(plan(settled, "2026-01-31")).toEqual([]);
    }
    const credited = { ...issued, invoices: issued.invoices.map((i) => ({ ...i, balanceMinor: 0 })) };
    expect(plan(credited, "2026-01-31")).toEqual([]);
  });
});

describe("dunning", () => {
  it("catches up in order after days without runs: invoice, period, suspension, arrears, termination", () => {
    const state = customer(subscription("a", "2026-01-01"), subscription("z", "2026-01-20"));
    const actions = plan(state, "2026-03-01");
    expect(
      actions.map(
        (a) => `${a.kind} ${a.on}${"subscriptionIds" in a ? ` ${a.subscriptionIds.join("+")}` : ""}`,
      ),
    ).toEqual([
      "ISSUE_RENEWAL 2026-01-17",
      "START_PERIOD 2026-02-01",
      "SUSPEND 2026-02-03 a",
      "ISSUE_RENEWAL 2026-02-05", // z renews on Feb 20, and the customer is not yet in arrears
      "SUSPEND_ALL 2026-02-06 a+z", // Feb 1 is a Sunday: 5 business days later is Friday 6
      // a's March renewal (due to be issued Feb 14) never comes: a is suspended by then.
      "START_PERIOD 2026-02-20", // z's invoiced period starts even while it is suspended
      "SUSPEND 2026-02-22 z", // z already suspended: a hold for its own invoice
      "TERMINATE 2026-02-26 a",
      "SUSPEND_ALL 2026-02-27 z",
    ]);
    // The February invoice was issued late, on the run's day, but keeps its due date.
    expect(actions[0]).toMatchObject({ issueDate: "2026-03-01", dueDate: "2026-02-01" });
    // Steps of an invoice issued by the same plan name it by key; its id comes when it is created.
    expect(actions[2]).toMatchObject({
      invoiceId: null,
      invoiceKey: "renewal:a:2026-02-01",
      key: "renewal:a:2026-02-01:suspend",
    });
  });

  it("suspends the whole customer 5 business days after the due date, skipping public holidays", () => {
    const france = holidaysFrom(["2026-05-01", "2026-05-08"].map(d));
    const log: LogEntry[] = [];
    runDaily(
      customer(subscription("a", "2026-03-30"), subscription("b", "2026-04-15")),
      d("2026-04-15"),
      d("2026-05-12"),
      DEFAULT_DUNNING_POLICY,
      france,
      log,
    );
    const steps = applied(log).filter((a) => a.kind === "SUSPEND" || a.kind === "SUSPEND_ALL");
    expect(
      steps.map((a) => `${a.kind} ${a.day} ${"subscriptionIds" in a ? a.subscriptionIds.join("+") : ""}`),
    ).toEqual([
      "SUSPEND 2026-05-02 a", // due Thursday 30 April
      "SUSPEND_ALL 2026-05-11 a+b", // Fri 1 May and Fri 8 May are holidays
    ]);
  });

  it("time zones are the caller's: one instant is a different day for customers in UTC-3, UTC+1 and UTC-5", () => {
    const instant = new Date("2026-02-01T04:00:00Z");
    const days = ["America/Sao_Paulo", "Europe/Paris", "America/New_York"].map((zone) =>
      todayIn(zone, instant),
    );
    expect(days).toEqual(["2026-02-01", "2026-02-01", "2026-01-31"]);
    const policy = { ...DEFAULT_DUNNING_POLICY, renewalLeadDays: 0, reminderDaysBeforeDue: [] };
    const state = customer(subscription("a", "2026-01-01"));
    expect(days.map((asOf) => plan(state, asOf, policy).length)).toEqual([2, 2, 0]);
  });

  it("refuses rows of another customer and an incoherent policy", () => {
    expect(codeOf(() => plan(customer(subscription("a", "2026-01-01", "MONTHLY", "c2")), "2026-01-20"))).toBe(
      "VALIDATION_FAILED",
    );
    expect(
      codeOf(() => plan(customer(), "2026-01-20", { ...DEFAULT_DUNNING_POLICY, terminateAfterDays: 1 })),
    ).toBe("VALIDATION_FAILED");
  });
});
