import { type BillingCycleName, firstPeriod } from "./billing-cycle";
import { type IsHoliday, noHolidays } from "./business-days";
import { calendarDate, parts } from "./calendar-date";
import { DEFAULT_DUNNING_POLICY, type DunningPolicy } from "./dunning-policy";
import { makePeriod } from "./period";
import { planSchedule } from "./renewal-schedule";
import type { ScheduleSubscription } from "./schedule-model";
import type { CustomerState, LogEntry } from "./billing-simulation";

/** For the schedule's example tests only: a customer "c1" in a few words. */

export const d = calendarDate;
export const p = (start: string, end: string) => makePeriod(d(start), d(end));
export const subscription = (
  id: string,
  start: string,
  cycle: BillingCycleName = "MONTHLY",
  customerId = "c1",
): ScheduleSubscription => ({
  id,
  customerId,
  status: "ACTIVE",
  cycle,
  anchorDay: parts(d(start)).day,
  currentPeriod: firstPeriod(d(start), cycle),
  reinstatedOn: null,
});
export const customer = (...subscriptions: ScheduleSubscription[]): CustomerState => ({
  customerId: "c1",
  subscriptions,
  invoices: [],
  holds: [],
});
export const plan = (
  state: CustomerState,
  asOf: string,
  policy: DunningPolicy = DEFAULT_DUNNING_POLICY,
  isHoliday: IsHoliday = noHolidays,
) => planSchedule({ ...state, asOf: d(asOf), policy, isHoliday });
/** What a plan or a log says, in one line per action: "ISSUE_RENEWAL 2026-01-17". */
export const brief = (actions: readonly { kind: string; on: string }[]) =>
  actions.map((a) => `${a.kind} ${a.on}`);
export const applied = (log: LogEntry[]) =>
  log.filter((e) => e.applied).map((e) => ({ ...e.action, day: e.day }));
