import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CYCLE_MONTHS } from "./billing-cycle";
import { holidaysFrom } from "./business-days";
import { addDays, addMonthsAnchored, type CalendarDate } from "./calendar-date";
import { dunningStepDate, planSchedule } from "./renewal-schedule";
import type { DunningStep } from "./schedule-model";
import { applyActions, type CustomerState, type LogEntry, payInFull } from "./billing-simulation";
import { anyPolicy, anyScenario, type ScheduleScenario } from "./test-schedule-arbitraries";

const DAYS = 60;
const lastDay = (s: ScheduleScenario) => addDays(s.start, DAYS - 1);
const plan = (s: ScheduleScenario, state: CustomerState, asOf: CalendarDate) =>
  planSchedule({ ...state, asOf, policy: s.policy, isHoliday: holidaysFrom(s.holidays) });

interface Run {
  readonly state: CustomerState;
  readonly log: LogEntry[];
  /** The day each invoice was paid (after that day's run). */
  readonly paidOn: Map<string, CalendarDate>;
}

/**
 * Every day of the range: plan, check what the plan says against the state it was made from,
 * apply, check that planning again finds nothing (idempotence), then the day's payments.
 */
function runEveryDay(
  s: ScheduleScenario,
  withPayments: boolean,
  runsOn: (day: string) => boolean = () => true,
): Run {
  const log: LogEntry[] = [];
  const paidOn = new Map<string, CalendarDate>();
  let state = s.state;
  for (let day = s.start; day <= lastDay(s); day = addDays(day, 1)) {
    const runs = runsOn(day) || day === lastDay(s);
    const actions = runs ? plan(s, state, day) : [];
    for (const a of actions) {
      expect(a.on <= day).toBe(true);
      if (a.kind === "SEND_REMINDER") {
        // (c) never a reminder for a settled invoice, nor after its due date.
        const invoice = state.invoices.find((i) => i.id === a.invoiceId);
        expect(invoice?.status).toBe("OPEN");
        expect(invoice?.balanceMinor).toBeGreaterThan(0);
        expect(day <= (invoice?.dueDate ?? "")).toBe(true);
      }
      if (a.kind === "ISSUE_RENEWAL") {
        // A suspended subscription is never renewed.
        for (const line of a.lines)
          expect(state.subscriptions.find((x) => x.id === line.subscriptionId)?.status).toBe("ACTIVE");
      }
    }
    state = applyActions(state, actions, day, log);
    if (runs) expect(plan(s, state, day)).toEqual([]); // (a)
    if (withPayments) {
      for (const invoice of state.invoices) {
        const after = s.payAfter(invoice.id);
        if (after !== null && invoice.status === "OPEN" && addDays(invoice.issueDate ?? day, after) <= day) {
          state = payInFull(state, invoice.id, day, s.policy, log);
          paidOn.set(invoice.id, day);
        }
      }
    }
  }
  return { state, log, paidOn };
}

/** What must not depend on when runs happen: invoices, periods, statuses, holds, dunning steps done. */
function outcome(state: CustomerState) {
  return {
    invoices: state.invoices
      .map((i) => ({
        id: i.id,
        renewalDate: i.renewalDate,
        dueDate: i.dueDate,
        lines: i.lines,
        steps: [...i.stepsDone].sort(),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    subscriptions: state.subscriptions.map((x) => ({
      id: x.id,
      status: x.status,
      cycle: x.cycle,
      period: x.currentPeriod,
    })),
    holds: state.holds.map((h) => `${h.subscriptionId}|${h.invoiceId}`).sort(),
  };
}
/** Every action but reminders, with the day it was due and whom it touched. */
const stepsOf = (log: LogEntry[]) =>
  log
    .filter((e) => e.applied && e.action.kind !== "SEND_REMINDER")
    .map(
      (e) =>
        `${e.action.key} ${e.action.on} ${"subscriptionIds" in e.action ? e.action.subscriptionIds.join("+") : ""}`,
    )
    .sort();

const STEP_KINDS: readonly DunningStep[] = ["SUSPEND", "SUSPEND_ALL", "TERMINATE"];

describe("the renewal schedule, over 60 days of a random customer", () => {
  it("(a) is idempotent: once a day's plan is applied, planning that day again finds nothing; nothing is ever skipped", () => {
    fc.assert(
      fc.property(anyScenario(), (s) => {
        const run = runEveryDay(s, true);
        expect(run.log.filter((e) => !e.applied)).toEqual([]);
        expect(new Set(run.log.map((e) => e.action.key)).size).toBe(run.log.length); // each key once
        const jumped = applyActions(s.state, plan(s, s.state, lastDay(s)), lastDay(s), []);
        expect(plan(s, jumped, lastDay(s))).toEqual([]);
        // A cancelled subscription is never touched.
        for (const before of s.state.subscriptions.filter((x) => x.status === "CANCELLED")) {
          expect(run.state.subscriptions.find((x) => x.id === before.id)).toEqual(before);
          expect(run.log.filter((e) => JSON.stringify(e.action).includes(`"${before.id}"`))).toEqual([]);
        }
      }),
    );
  });

  it("(b) daily runs and one run on the last day give the same invoices, periods, suspensions and terminations", () => {
    fc.assert(
      fc.property(anyScenario(), (s) => {
        const daily = runEveryDay(s, false);
        const log: LogEntry[] = [];
        const jumped = applyActions(s.state, plan(s, s.state, lastDay(s)), lastDay(s), log);
        expect(outcome(jumped)).toEqual(outcome(daily.state));
        expect(stepsOf(log)).toEqual(stepsOf(daily.log));
        // Reminders differ only by the catch-up rule: the jump sends at most one per invoice.
        const reminders = log.filter((e) => e.action.kind === "SEND_REMINDER");
        expect(new Set(reminders.map((e) => "invoiceKey" in e.action && e.action.invoiceKey)).size).toBe(
          reminders.length,
        );
      }),
    );
  });

  it("(c) never acts on an invoice after it is paid, and lifts every suspension once all is paid", () => {
    fc.assert(
      fc.property(anyScenario(), (s) => {
        const run = runEveryDay(s, true);
        for (const e of run.log) {
          if (!("invoiceKey" in e.action)) continue;
          const paid = run.paidOn.get(e.action.invoiceId ?? e.action.invoiceKey);
          if (paid) expect(e.day <= paid).toBe(true);
        }
        const log: LogEntry[] = [];
        const settled = run.state.invoices.reduce(
          (st, i) => payInFull(st, i.id, lastDay(s), s.policy, log),
          run.state,
        );
        expect(settled.holds).toEqual([]);
        expect(settled.subscriptions.filter((x) => x.status === "SUSPENDED")).toEqual([]);
      }),
    );
  });

  it("(d) bills each subscription once per period, periods back to back, each on the cycle it had then", () => {
    fc.assert(
      fc.property(anyScenario(), (s) => {
        const run = runEveryDay(s, true);
        const cycle = new Map(s.state.subscriptions.map((x) => [x.id, x.cycle]));
        const billedTo = new Map(s.state.subscriptions.map((x) => [x.id, x.currentPeriod.end]));
        for (const { action } of run.log) {
          if (action.kind === "LENGTHEN_CYCLE") cycle.set(action.subscriptionId, action.to);
          if (action.kind !== "ISSUE_RENEWAL") continue;
          for (const { subscriptionId, period } of action.lines) {
            const sub = s.state.subscriptions.find((x) => x.id === subscriptionId);
            expect(period.start).toBe(billedTo.get(subscriptionId));
            expect(period.start).toBe(action.renewalDate);
            const months = CYCLE_MONTHS[cycle.get(subscriptionId) ?? "MONTHLY"];
            expect(period.end).toBe(addMonthsAnchored(period.start, months, sub?.anchorDay));
            billedTo.set(subscriptionId, period.end);
          }
        }
      }),
    );
  });

  it("(e) suspends, suspends everything and terminates exactly on their days after the due date", () => {
    fc.assert(
      fc.property(anyScenario(), (s) => {
        const run = runEveryDay(s, true);
        const isHoliday = holidaysFrom(s.holidays);
        for (const { action, day } of run.log) {
          if (action.kind !== "SUSPEND" && action.kind !== "SUSPEND_ALL" && action.kind !== "TERMINATE")
            continue;
          const invoice = run.state.invoices.find((i) => i.id === (action.invoiceId ?? action.invoiceKey));
          const due = dunningStepDate(action.kind, invoice?.dueDate ?? day, s.policy, isHoliday);
          // Exactly on the day; an invoice already late when the range starts catches up on day one.
          expect(day).toBe([due, s.start].sort().at(-1));
        }
        // And none is missed: an invoice still owed has had every step whose day has come.
        for (const invoice of run.state.invoices.filter((i) => i.status === "OPEN")) {
          const due = STEP_KINDS.filter(
            (k) => dunningStepDate(k, invoice.dueDate, s.policy, isHoliday) <= lastDay(s),
          );
          expect([...invoice.stepsDone].sort()).toEqual([...due].sort());
        }
      }),
    );
  });

  it("(f) with 0 lead days, invoices on the first day of the new period, which starts that day", () => {
    const leadZero = anyPolicy.map((p) => ({ ...p, renewalLeadDays: 0, reminderDaysBeforeDue: [] }));
    fc.assert(
      fc.property(anyScenario(leadZero), (s) => {
        const run = runEveryDay(s, true);
        // Renewals held back by a suspension are due from the reinstatement instead (tested apart).
        const reinstated = new Set<string>();
        const started = new Map<string, CalendarDate>();
        for (const { action, day } of run.log) {
          if (action.kind === "START_PERIOD")
            started.set(`${action.subscriptionId}|${action.period.start}`, day);
        }
        for (const { action, day } of run.log) {
          if (action.kind === "REINSTATE") reinstated.add(action.subscriptionId);
          if (action.kind !== "ISSUE_RENEWAL" || action.renewalDate < s.start) continue;
          if (action.lines.some((l) => reinstated.has(l.subscriptionId))) continue;
          expect([day, action.issueDate, action.dueDate]).toEqual([
            action.renewalDate,
            action.renewalDate,
            action.renewalDate,
          ]);
          for (const line of action.lines)
            expect(started.get(`${line.subscriptionId}|${line.period.start}`)).toBe(day);
        }
      }),
    );
  });

  it("(g) runs on random days send at most one reminder per invoice per run, each later than the last", () => {
    fc.assert(
      fc.property(anyScenario(), fc.func(fc.boolean()), (s, runsOn) => {
        const run = runEveryDay(s, true, runsOn);
        expect(run.log.filter((e) => !e.applied)).toEqual([]);
        const sent = new Map<string, { day: string; days: number }>();
        for (const { action, day } of run.log) {
          if (action.kind !== "SEND_REMINDER") continue;
          const previous = sent.get(action.invoiceKey);
          if (previous) {
            expect(day > previous.day).toBe(true);
            expect(action.daysBeforeDue).toBeLessThan(previous.days);
          }
          sent.set(action.invoiceKey, { day, days: action.daysBeforeDue });
        }
      }),
    );
  });
});
