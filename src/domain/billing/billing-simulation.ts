import type { IsHoliday } from "./business-days";
import { addDays, type CalendarDate } from "./calendar-date";
import type { DunningPolicy } from "./dunning-policy";
import {
  type LengthenCycle,
  type Reinstate,
  reinstatementOnPayment,
  type SuspensionHold,
} from "./reinstatement";
import { planSchedule } from "./renewal-schedule";
import type { ScheduledAction, ScheduleInvoice, ScheduleSubscription } from "./schedule-model";
import { transitionSubscription } from "./subscription-state";

/**
 * One customer's billing state in memory and what the database would do with a plan: the preview
 * of the coming days (day by day, so each reminder shows on its own day) and the property tests.
 * Each action re-checks its condition as the real conditional UPDATE / ON CONFLICT would, so a
 * stale action is skipped, never applied twice; every application is logged with its day.
 */
export interface CustomerState {
  readonly customerId: string;
  readonly subscriptions: readonly ScheduleSubscription[];
  readonly invoices: readonly ScheduleInvoice[];
  readonly holds: readonly SuspensionHold[];
}

export type LoggedAction = ScheduledAction | Reinstate | LengthenCycle;
export interface LogEntry {
  readonly day: CalendarDate;
  readonly action: LoggedAction;
  /** false when its condition no longer held (the database would have changed nothing). */
  readonly applied: boolean;
}

/** Every simulated renewal invoice is issued for this amount (the schedule does not price; only "owed or not" matters). */
export const RENEWAL_AMOUNT_MINOR = 1000;

const owed = (i: ScheduleInvoice) => i.status === "OPEN" && i.balanceMinor > 0;

export function applyActions(
  state: CustomerState,
  actions: readonly ScheduledAction[],
  day: CalendarDate,
  log: LogEntry[],
): CustomerState {
  let { subscriptions, invoices, holds } = state;
  const invoiceOf = (a: { invoiceId: string | null; invoiceKey: string }) =>
    invoices.find((i) => i.id === (a.invoiceId ?? a.invoiceKey));
  const updateInvoice = (id: string, change: (i: ScheduleInvoice) => ScheduleInvoice) => {
    invoices = invoices.map((i) => (i.id === id ? change(i) : i));
  };
  const updateSubscription = (id: string, change: (s: ScheduleSubscription) => ScheduleSubscription) => {
    subscriptions = subscriptions.map((s) => (s.id === id ? change(s) : s));
  };

  for (const action of actions) {
    let applied = true;
    switch (action.kind) {
      case "ISSUE_RENEWAL": {
        // UNIQUE (subscription, period start) on renewal lines, and the invoice key.
        const taken = invoices.some(
          (i) =>
            i.id === action.key ||
            i.lines.some((l) =>
              action.lines.some(
                (n) => n.subscriptionId === l.subscriptionId && n.period.start === l.period.start,
              ),
            ),
        );
        if (taken) applied = false;
        else
          invoices = [
            ...invoices,
            {
              id: action.key,
              customerId: action.customerId,
              renewalDate: action.renewalDate,
              issueDate: action.issueDate,
              dueDate: action.dueDate,
              status: "OPEN",
              balanceMinor: RENEWAL_AMOUNT_MINOR,
              lines: action.lines,
              remindersSent: [],
              stepsDone: [],
            },
          ];
        break;
      }
      case "START_PERIOD": {
        const s = subscriptions.find((x) => x.id === action.subscriptionId);
        if (!s || s.currentPeriod.end !== action.period.start) applied = false;
        else updateSubscription(s.id, (x) => ({ ...x, currentPeriod: action.period }));
        break;
      }
      case "SEND_REMINDER": {
        const i = invoiceOf(action);
        if (!i || !owed(i) || i.remindersSent.includes(action.daysBeforeDue)) applied = false;
        else
          updateInvoice(i.id, (x) => ({ ...x, remindersSent: [...x.remindersSent, action.daysBeforeDue] }));
        break;
      }
      case "SUSPEND":
      case "SUSPEND_ALL":
      case "TERMINATE": {
        const step = action.kind;
        const i = invoiceOf(action);
        if (!i || !owed(i) || i.stepsDone.includes(step)) {
          applied = false;
          break;
        }
        updateInvoice(i.id, (x) => ({ ...x, stepsDone: [...x.stepsDone, step] }));
        for (const id of action.subscriptionIds) {
          const s = subscriptions.find((x) => x.id === id);
          if (!s) continue;
          if (step === "TERMINATE") {
            updateSubscription(id, (x) => ({ ...x, status: transitionSubscription(x.status, "terminate") }));
          } else {
            if (!holds.some((h) => h.subscriptionId === id && h.invoiceId === i.id))
              holds = [...holds, { subscriptionId: id, invoiceId: i.id }];
            if (s.status === "ACTIVE")
              updateSubscription(id, (x) => ({ ...x, status: transitionSubscription(x.status, "suspend") }));
          }
        }
        break;
      }
    }
    log.push({ day, action, applied });
  }
  return { ...state, subscriptions, invoices, holds };
}

/** A payment of everything left on an invoice, and the reinstatements it triggers at once. */
export function payInFull(
  state: CustomerState,
  invoiceId: string,
  day: CalendarDate,
  policy: DunningPolicy,
  log: LogEntry[],
): CustomerState {
  const invoices = state.invoices.map((i) =>
    i.id === invoiceId && owed(i) ? { ...i, status: "PAID" as const, balanceMinor: 0 } : i,
  );
  const plan = reinstatementOnPayment({
    on: day,
    policy,
    subscriptions: state.subscriptions,
    holds: state.holds,
    invoices,
  });
  let subscriptions = state.subscriptions;
  for (const r of plan.reinstate) {
    subscriptions = subscriptions.map((s) =>
      s.id === r.subscriptionId
        ? { ...s, status: transitionSubscription(s.status, "reinstate"), reinstatedOn: day }
        : s,
    );
    log.push({ day, action: r, applied: true });
  }
  for (const l of plan.lengthen) {
    subscriptions = subscriptions.map((s) => (s.id === l.subscriptionId ? { ...s, cycle: l.to } : s));
    log.push({ day, action: l, applied: true });
  }
  const released = new Set(plan.releasedHolds);
  return { ...state, subscriptions, invoices, holds: state.holds.filter((h) => !released.has(h)) };
}

/** One billing run for the customer on `day`: plan, then apply. */
export function runDay(
  state: CustomerState,
  day: CalendarDate,
  policy: DunningPolicy,
  isHoliday: IsHoliday,
  log: LogEntry[],
): CustomerState {
  const actions = planSchedule({ ...state, asOf: day, policy, isHoliday });
  return applyActions(state, actions, day, log);
}

/** Runs every day from `from` to `to` included; `between(state, day)` happens after each day's run (payments). */
export function runDaily(
  state: CustomerState,
  from: CalendarDate,
  to: CalendarDate,
  policy: DunningPolicy,
  isHoliday: IsHoliday,
  log: LogEntry[],
  between: (state: CustomerState, day: CalendarDate) => CustomerState = (s) => s,
): CustomerState {
  let current = state;
  for (let day = from; day <= to; day = addDays(day, 1))
    current = between(runDay(current, day, policy, isHoliday, log), day);
  return current;
}
