import { describe, expect, it } from "vitest";
import { noHolidays } from "./business-days";
import { DEFAULT_DUNNING_POLICY } from "./dunning-policy";
import { renewalDates } from "./renewal-schedule";
import { type CustomerState, type LogEntry, payInFull, runDaily } from "./billing-simulation";
import { applied, brief, customer, d, p, plan, subscription } from "./test-schedule-fixtures";

describe("renewal invoices", () => {
  it("put every subscription renewing on the same day on one invoice, issued 15 days ahead and due that day", () => {
    const state = customer(
      subscription("a", "2026-01-01"),
      subscription("b", "2025-11-01", "QUARTERLY"),
      subscription("c", "2026-01-10"),
    );
    expect(plan(state, "2026-01-16")).toEqual([]);
    expect(plan(state, "2026-01-17")).toEqual([
      {
        kind: "ISSUE_RENEWAL",
        key: "renewal:a:2026-02-01",
        on: "2026-01-17",
        customerId: "c1",
        renewalDate: "2026-02-01",
        issueDate: "2026-01-17",
        dueDate: "2026-02-01",
        lines: [
          { subscriptionId: "a", period: p("2026-02-01", "2026-03-01") },
          { subscriptionId: "b", period: p("2026-02-01", "2026-05-01") },
        ],
      },
    ]);
    // c renews on Feb 10: its own invoice on Jan 26.
    expect(brief(plan(state, "2026-01-26"))).toEqual([
      "ISSUE_RENEWAL 2026-01-17",
      "ISSUE_RENEWAL 2026-01-26",
    ]);
  });

  it("keep month ends and leap days: anchored on the 31st, Feb 28 -> Mar 31 -> Apr 30, and Feb 29 in 2028", () => {
    const log: LogEntry[] = [];
    const payAtOnce = (state: CustomerState, day: ReturnType<typeof d>) =>
      state.invoices
        .filter((i) => i.status === "OPEN")
        .reduce((s, i) => payInFull(s, i.id, day, DEFAULT_DUNNING_POLICY, log), state);
    const end = runDaily(
      customer(subscription("a", "2027-12-31")),
      d("2027-12-01"),
      d("2028-04-20"),
      DEFAULT_DUNNING_POLICY,
      noHolidays,
      log,
      payAtOnce,
    );
    expect(end.invoices.map((i) => [i.issueDate, i.dueDate, i.lines[0]?.period])).toEqual([
      ["2028-01-16", "2028-01-31", p("2028-01-31", "2028-02-29")],
      ["2028-02-14", "2028-02-29", p("2028-02-29", "2028-03-31")],
      ["2028-03-16", "2028-03-31", p("2028-03-31", "2028-04-30")],
      ["2028-04-15", "2028-04-30", p("2028-04-30", "2028-05-31")],
    ]);
    expect(end.subscriptions[0]?.currentPeriod).toEqual(p("2028-03-31", "2028-04-30"));
  });

  it("with 0 lead days, are issued on the first day of the new period, which starts the same day", () => {
    const policy = { ...DEFAULT_DUNNING_POLICY, renewalLeadDays: 0, reminderDaysBeforeDue: [] };
    const state = customer(subscription("a", "2026-01-31"));
    expect(plan(state, "2026-02-27", policy)).toEqual([]);
    const actions = plan(state, "2026-02-28", policy);
    expect(brief(actions)).toEqual(["ISSUE_RENEWAL 2026-02-28", "START_PERIOD 2026-02-28"]);
    expect(actions[0]).toMatchObject({
      issueDate: "2026-02-28",
      dueDate: "2026-02-28",
      renewalDate: "2026-02-28",
    });
    expect(actions[1]).toMatchObject({ key: "period:a:2026-02-28", period: p("2026-02-28", "2026-03-31") });
  });

  it("are not planned again once issued, nor for suspended, terminated or cancelled subscriptions", () => {
    const log: LogEntry[] = [];
    const once = runDaily(
      customer(subscription("a", "2026-01-01")),
      d("2026-01-17"),
      d("2026-01-17"),
      DEFAULT_DUNNING_POLICY,
      noHolidays,
      log,
    );
    expect(once.invoices).toHaveLength(1);
    expect(plan(once, "2026-01-17")).toEqual([]);
    expect(plan(once, "2026-01-20")).toEqual([]);
    for (const status of ["SUSPENDED", "TERMINATED", "CANCELLED"] as const) {
      expect(plan(customer({ ...subscription("a", "2026-01-01"), status }), "2026-01-20")).toEqual([]);
    }
  });

  it("are due on D whenever the run comes, unless a suspension held them back: then lead days after that run", () => {
    const D = d("2026-03-01");
    // On time or late (missed runs), the invoice is the one daily runs would have made.
    expect(renewalDates(D, null, 15, d("2026-02-14"))).toEqual({
      issueOn: "2026-02-14",
      dueDate: "2026-03-01",
    });
    expect(renewalDates(D, null, 15, d("2026-03-05"))).toEqual({
      issueOn: "2026-02-14",
      dueDate: "2026-03-01",
    });
    expect(renewalDates(D, d("2026-01-10"), 15, d("2026-02-14"))).toEqual({
      issueOn: "2026-02-14",
      dueDate: "2026-03-01",
    });
    // Reinstated after the issue day: issued by the next run, with 15 days to pay from then.
    expect(renewalDates(D, d("2026-02-20"), 15, d("2026-02-21"))).toEqual({
      issueOn: "2026-02-20",
      dueDate: "2026-03-08",
    });
    // Reinstated on the issue day itself, after that day's run: issued a day late, lead time kept.
    expect(renewalDates(D, d("2026-02-14"), 15, d("2026-02-15"))).toEqual({
      issueOn: "2026-02-14",
      dueDate: "2026-03-02",
    });
    expect(renewalDates(D, d("2026-03-10"), 0, d("2026-03-11"))).toEqual({
      issueOn: "2026-03-10",
      dueDate: "2026-03-11",
    });
    expect(renewalDates(D, d("2026-02-01"), 0, d("2026-02-02"))).toEqual({
      issueOn: "2026-03-01",
      dueDate: "2026-03-01",
    });
  });

  it("go on separate invoices for one renewal day when one was held back by a suspension", () => {
    const a = subscription("a", "2026-02-01");
    const b = { ...subscription("b", "2026-02-01"), reinstatedOn: d("2026-02-14") };
    const actions = plan(customer(a, b), "2026-02-15");
    expect(actions.map((x) => x.kind === "ISSUE_RENEWAL" && [x.key, x.on, x.dueDate])).toEqual([
      ["renewal:a:2026-03-01", "2026-02-14", "2026-03-01"],
      ["renewal:b:2026-03-01", "2026-02-14", "2026-03-02"],
    ]);
  });
});

describe("a suspended subscription", () => {
  it("is not renewed; paid, it comes back at once on a longer cycle and its renewal catches up", () => {
    const log: LogEntry[] = [];
    const policy = DEFAULT_DUNNING_POLICY;
    let state = runDaily(
      customer(subscription("a", "2026-01-01")),
      d("2026-01-17"),
      d("2026-02-19"),
      policy,
      noHolidays,
      log,
    );
    expect(state.subscriptions[0]).toMatchObject({
      status: "SUSPENDED",
      currentPeriod: p("2026-02-01", "2026-03-01"),
    });
    expect(state.invoices).toHaveLength(1); // the March renewal (Feb 14) was held back
    state = payInFull(state, "renewal:a:2026-02-01", d("2026-02-20"), policy, log);
    expect(state.subscriptions[0]).toMatchObject({
      status: "ACTIVE",
      cycle: "QUARTERLY",
      reinstatedOn: "2026-02-20",
    });
    expect(state.holds).toEqual([]);
    expect(plan(state, "2026-02-21")).toEqual([
      {
        kind: "ISSUE_RENEWAL",
        key: "renewal:a:2026-03-01",
        on: "2026-02-20",
        customerId: "c1",
        renewalDate: "2026-03-01",
        issueDate: "2026-02-21",
        dueDate: "2026-03-08", // 15 days after the run that issues it, not March 1
        lines: [{ subscriptionId: "a", period: p("2026-03-01", "2026-06-01") }],
      },
    ]);
    expect(applied(log).map((a) => `${a.kind} ${a.day}`)).toEqual([
      "ISSUE_RENEWAL 2026-01-17",
      "SEND_REMINDER 2026-01-22",
      "SEND_REMINDER 2026-01-27",
      "SEND_REMINDER 2026-01-31",
      "START_PERIOD 2026-02-01",
      "SUSPEND 2026-02-03",
      "SUSPEND_ALL 2026-02-06",
      "REINSTATE 2026-02-20",
      "LENGTHEN_CYCLE 2026-02-20",
    ]);
  });

  it("stays terminated: no renewal, and its voided invoice is neither reissued nor dunned", () => {
    const log: LogEntry[] = [];
    const state = runDaily(
      customer(subscription("a", "2026-01-01")),
      d("2026-01-17"),
      d("2026-02-26"),
      DEFAULT_DUNNING_POLICY,
      noHolidays,
      log,
    );
    expect(state.subscriptions[0]?.status).toBe("TERMINATED");
    expect(
      payInFull(state, "renewal:a:2026-02-01", d("2026-02-27"), DEFAULT_DUNNING_POLICY, log).subscriptions[0]
        ?.status,
    ).toBe("TERMINATED");
    expect(plan(state, "2026-04-01")).toEqual([]);
    const voided = customer(subscription("a", "2026-01-01"));
    const issued = runDaily(voided, d("2026-01-17"), d("2026-01-17"), DEFAULT_DUNNING_POLICY, noHolidays, []);
    const withVoid = { ...issued, invoices: issued.invoices.map((i) => ({ ...i, status: "VOID" as const })) };
    expect(brief(plan(withVoid, "2026-02-10"))).toEqual(["START_PERIOD 2026-02-01"]);
  });
});
