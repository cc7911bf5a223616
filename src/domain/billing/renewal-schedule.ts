import { DomainError } from "@/domain/shared/domain-error";
import { periodAfter } from "./billing-cycle";
import { addBusinessDays, type IsHoliday } from "./business-days";
import { addDays, type CalendarDate } from "./calendar-date";
import { type DunningPolicy, dunningPolicy } from "./dunning-policy";
import type { Period } from "./period";
import {
  type DunningStep,
  dunningStepKey,
  type IssueRenewal,
  periodKey,
  type RenewalLine,
  reminderKey,
  renewalInvoiceKey,
  type ScheduledAction,
  type ScheduleInput,
  type ScheduleInvoice,
  type ScheduleSubscription,
  type SendReminder,
  type StartPeriod,
} from "./schedule-model";
import type { SubscriptionStatusName } from "./subscription-state";

/**
 * The renewal and dunning schedule of one customer: which invoices, period starts, reminders,
 * suspensions and terminations are due up to `asOf`, as a pure function of their state.
 *
 * - Catch-up: a run after days without runs does what was due since, once and in order, as daily
 *   runs would have (an invoice issued late keeps its due date D, so its suspension may follow at
 *   once); reminders are the exception: only the latest one that has come is sent, never a burst.
 * - Dunning counts from the invoice's due date, which is D for an invoice issued on time. A renewal
 *   held back by a suspension is issued by the first run after the reinstatement and keeps the
 *   policy's lead time: due max(D, that day + lead days), so a customer who has just paid is not
 *   suspended again the next morning.
 * - Every action has a stable `key` (the same whichever run plans it) for a UNIQUE constraint, and
 *   `on`, the day it was due (for the timeline). Apply them in the order given; each one's
 *   condition should be re-checked in its conditional UPDATE, as a payment can land in between.
 */

/** The day a dunning step of an invoice due on `dueDate` comes. */
export function dunningStepDate(
  step: DunningStep,
  dueDate: CalendarDate,
  policy: DunningPolicy,
  isHoliday: IsHoliday,
): CalendarDate {
  if (step === "SUSPEND") return addDays(dueDate, policy.suspendAfterDays);
  if (step === "TERMINATE") return addDays(dueDate, policy.terminateAfterDays);
  return addBusinessDays(dueDate, policy.suspendAllAfterBusinessDays, isHoliday);
}

/**
 * When the renewal on D is due to be issued, and its due date. Normally D - lead days, due D,
 * whenever the run happens (a late run keeps D, so catching up does what daily runs would have).
 * A renewal held back by a suspension (the subscription came back on or after its issue day) is
 * due from the reinstatement day and gets the whole lead time from the run that issues it: due
 * max(D, that run's day + lead days), so a customer who has just paid is not overdue at once.
 */
export function renewalDates(
  renewalDate: CalendarDate,
  reinstatedOn: CalendarDate | null,
  leadDays: number,
  asOf: CalendarDate,
): { issueOn: CalendarDate; dueDate: CalendarDate } {
  const normal = addDays(renewalDate, -leadDays);
  if (reinstatedOn === null || reinstatedOn < normal) return { issueOn: normal, dueDate: renewalDate };
  const late = addDays(asOf, leadDays);
  return { issueOn: reinstatedOn, dueDate: late > renewalDate ? late : renewalDate };
}

/**
 * The latest reminder that has come and not gone, if it is still to send: reminders fall strictly
 * after the issue day and up to the due date; once a reminder went, earlier-dated ones never do.
 */
export function reminderToSend(
  invoice: ScheduleInvoice,
  policy: DunningPolicy,
  asOf: CalendarDate,
): { daysBeforeDue: number; on: CalendarDate } | null {
  if (
    invoice.status !== "OPEN" ||
    invoice.balanceMinor <= 0 ||
    invoice.issueDate === null ||
    asOf > invoice.dueDate
  )
    return null;
  let latest: { daysBeforeDue: number; on: CalendarDate } | null = null;
  for (const daysBeforeDue of policy.reminderDaysBeforeDue) {
    const on = addDays(invoice.dueDate, -daysBeforeDue);
    if (on > invoice.issueDate && on <= asOf && (latest === null || daysBeforeDue < latest.daysBeforeDue))
      latest = { daysBeforeDue, on };
  }
  if (latest === null || invoice.remindersSent.some((sent) => sent <= (latest?.daysBeforeDue ?? 0)))
    return null;
  return latest;
}

interface SimSubscription extends Omit<ScheduleSubscription, "status" | "currentPeriod"> {
  status: SubscriptionStatusName;
  currentPeriod: Period;
}
interface SimInvoice {
  readonly id: string | null;
  readonly key: string;
  readonly dueDate: CalendarDate;
  readonly owed: boolean;
  readonly lines: readonly RenewalLine[];
  readonly stepsDone: Set<DunningStep>;
  /** Computed once, for owed invoices only: business days walk the calendar, and candidates are looked for after each action. */
  readonly stepDates: readonly CalendarDate[];
}

/** One customer's simulated state while their plan is made. */
interface Simulation {
  readonly customerId: string;
  readonly asOf: CalendarDate;
  readonly policy: DunningPolicy;
  readonly isHoliday: IsHoliday;
  readonly subscriptions: SimSubscription[];
  readonly invoices: SimInvoice[];
  /** Renewed periods by subscription and start: how far each subscription is invoiced. */
  readonly renewed: Map<string, Period>;
}

/**
 * An action that could come next, as data (no closure per candidate: planning runs for every
 * customer of every run, and the function objects cost a fifth of its time in bench/billing-run.ts).
 * Within a day: invoices (rank 0), then period starts (1), then dunning from the mildest step to the hardest (3-5).
 */
type Candidate = { readonly date: CalendarDate; readonly rank: number; readonly tie: string } & (
  | { readonly kind: "START_PERIOD"; readonly subscription: SimSubscription; readonly period: Period }
  | { readonly kind: "ISSUE_RENEWAL"; readonly dueDate: CalendarDate; readonly lines: RenewalLine[] }
  | { readonly kind: "DUNNING"; readonly invoice: SimInvoice; readonly step: DunningStep }
);

const STEPS: readonly DunningStep[] = ["SUSPEND", "SUSPEND_ALL", "TERMINATE"];
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareCandidates = (a: Candidate, b: Candidate): number => compare(a.date, b.date) || a.rank - b.rank || compare(a.tie, b.tie);
const isLive = (s: SimSubscription) => s.status === "ACTIVE" || s.status === "SUSPENDED";
/** A customer has a handful of subscriptions; this many actions in one plan means a loop, not a backlog. */
const MAX_ACTIONS = 10_000;

/**
 * When each dunning step of an invoice due on `dueDate` comes, as far as the plan needs to know: a
 * step is only compared with `asOf`. n business days are at least n calendar days, so when that
 * lower bound is already after `asOf` it stands for the step (also after `asOf`), and the calendar
 * walk and its public holidays are skipped: most owed invoices are not due yet.
 */
function stepDatesOf(sim: Pick<Simulation, "policy" | "isHoliday" | "asOf">, dueDate: CalendarDate): CalendarDate[] {
  return STEPS.map((step) => {
    if (step === "SUSPEND_ALL") {
      const lowerBound = addDays(dueDate, sim.policy.suspendAllAfterBusinessDays);
      if (lowerBound > sim.asOf) return lowerBound;
    }
    return dunningStepDate(step, dueDate, sim.policy, sim.isHoliday);
  });
}

function addRenewedLines(sim: Simulation, lines: readonly RenewalLine[]): void {
  for (const line of lines) sim.renewed.set(`${line.subscriptionId}|${line.period.start}`, line.period);
}

function invoicedThrough(sim: Simulation, s: SimSubscription): Period {
  let period = s.currentPeriod;
  for (let next = sim.renewed.get(`${s.id}|${period.end}`); next; next = sim.renewed.get(`${s.id}|${period.end}`)) period = next;
  return period;
}

/** Every action that could come on or after `now` and is due by `asOf`; a date already past is `now`. */
function candidatesFrom(sim: Simulation, now: CalendarDate): Candidate[] {
  const { asOf, policy } = sim;
  const found: Candidate[] = [];
  const issues = new Map<string, { issueOn: CalendarDate; dueDate: CalendarDate; lines: RenewalLine[] }>();
  for (const s of sim.subscriptions) {
    if (!isLive(s)) continue;
    const next = sim.renewed.get(`${s.id}|${s.currentPeriod.end}`);
    if (next && next.start <= asOf) {
      found.push({ date: next.start < now ? now : next.start, rank: 1, tie: s.id, kind: "START_PERIOD", subscription: s, period: next });
    }
    if (s.status !== "ACTIVE") continue; // a suspended subscription is not renewed
    const through = invoicedThrough(sim, s);
    const { issueOn, dueDate } = renewalDates(through.end, s.reinstatedOn, policy.renewalLeadDays, asOf);
    if (issueOn > asOf) continue;
    // One invoice per renewal day, unless one of them was held back (another issue day or due date).
    const group = `${through.end}|${issueOn}|${dueDate}`;
    const lines = issues.get(group)?.lines ?? [];
    lines.push({ subscriptionId: s.id, period: periodAfter(through, s.cycle, s.anchorDay) });
    issues.set(group, { issueOn, dueDate, lines });
  }
  for (const [group, issue] of issues) {
    found.push({ date: issue.issueOn < now ? now : issue.issueOn, rank: 0, tie: group, kind: "ISSUE_RENEWAL", dueDate: issue.dueDate, lines: issue.lines });
  }
  for (const invoice of sim.invoices) {
    if (!invoice.owed) continue;
    for (let i = 0; i < STEPS.length; i++) {
      const step = STEPS[i] as DunningStep;
      const date = invoice.stepDates[i] as CalendarDate;
      if (invoice.stepsDone.has(step) || date > asOf) continue;
      found.push({ date: date < now ? now : date, rank: 3 + i, tie: invoice.key, kind: "DUNNING", invoice, step });
    }
  }
  return found;
}

function startPeriod(s: SimSubscription, period: Period, on: CalendarDate): StartPeriod {
  s.currentPeriod = period;
  return { kind: "START_PERIOD", key: periodKey(s.id, period.start), on, subscriptionId: s.id, period };
}

function issueRenewal(sim: Simulation, dueDate: CalendarDate, lines: RenewalLine[], on: CalendarDate): IssueRenewal {
  const renewalDate = (lines[0] as RenewalLine).period.start;
  const key = renewalInvoiceKey(
    renewalDate,
    lines.map((l) => l.subscriptionId),
  );
  // A new invoice is owed: nobody can have paid it within the plan that issues it.
  sim.invoices.push({ id: null, key, dueDate, owed: true, lines, stepsDone: new Set(), stepDates: stepDatesOf(sim, dueDate) });
  addRenewedLines(sim, lines);
  return { kind: "ISSUE_RENEWAL", key, on, customerId: sim.customerId, renewalDate, issueDate: sim.asOf, dueDate, lines };
}

function dunningStep(sim: Simulation, invoice: SimInvoice, step: DunningStep, on: CalendarDate): ScheduledAction {
  invoice.stepsDone.add(step);
  const ref = {
    key: dunningStepKey(invoice.key, step),
    on,
    invoiceId: invoice.id,
    invoiceKey: invoice.key,
  };
  const ofInvoice = new Set(invoice.lines.map((l) => l.subscriptionId));
  if (step === "TERMINATE") {
    // Only a suspended subscription can be terminated; one put back by hand is left to staff.
    const ended = sim.subscriptions.filter((s) => ofInvoice.has(s.id) && s.status === "SUSPENDED");
    for (const s of ended) s.status = "TERMINATED";
    return { ...ref, kind: "TERMINATE", subscriptionIds: ended.map((s) => s.id), cause: "INVOICE_UNPAID" };
  }
  // Already suspended ones are listed too: each needs this invoice's hold, or paying another
  // invoice would bring it back while this one is still owed.
  const held = sim.subscriptions.filter((s) => isLive(s) && (step === "SUSPEND_ALL" || ofInvoice.has(s.id)));
  for (const s of held) s.status = "SUSPENDED";
  const subscriptionIds = held.map((s) => s.id);
  return step === "SUSPEND"
    ? { ...ref, kind: "SUSPEND", subscriptionIds, cause: "INVOICE_UNPAID" }
    : { ...ref, kind: "SUSPEND_ALL", customerId: sim.customerId, subscriptionIds, cause: "CUSTOMER_IN_ARREARS" };
}

function applyCandidate(sim: Simulation, c: Candidate, on: CalendarDate): ScheduledAction {
  if (c.kind === "START_PERIOD") return startPeriod(c.subscription, c.period, on);
  if (c.kind === "ISSUE_RENEWAL") return issueRenewal(sim, c.dueDate, c.lines, on);
  return dunningStep(sim, c.invoice, c.step, on);
}

/**
 * The plan: every action due on or before `asOf`, in the order to apply them. Planning again after
 * applying them gives nothing new.
 */
export function planSchedule(input: ScheduleInput): ScheduledAction[] {
  const { customerId, asOf, isHoliday } = input;
  const policy = dunningPolicy(input.policy);
  for (const row of [...input.subscriptions, ...input.invoices]) {
    if (row.customerId !== customerId)
      throw new DomainError("VALIDATION_FAILED", { reason: "OTHER_CUSTOMER", id: row.id });
  }
  const sim: Simulation = {
    customerId,
    asOf,
    policy,
    isHoliday,
    subscriptions: input.subscriptions.map((s) => ({ ...s })).sort((a, b) => compare(a.id, b.id)),
    invoices: [],
    renewed: new Map(),
  };
  for (const i of input.invoices) {
    const owed = i.status === "OPEN" && i.balanceMinor > 0;
    sim.invoices.push({
      id: i.id,
      key: renewalInvoiceKey(
        i.renewalDate,
        i.lines.map((l) => l.subscriptionId),
      ),
      dueDate: i.dueDate,
      owed,
      lines: i.lines,
      stepsDone: new Set(i.stepsDone),
      stepDates: owed ? stepDatesOf(sim, i.dueDate) : [],
    });
    addRenewedLines(sim, i.lines);
  }

  const actions: ScheduledAction[] = [];
  let now = "0001-01-01" as CalendarDate;
  for (;;) {
    // The first candidate in (date, rank, tie) order.
    let next: Candidate | undefined;
    for (const c of candidatesFrom(sim, now)) if (next === undefined || compareCandidates(c, next) < 0) next = c;
    if (!next) break;
    if (actions.length >= MAX_ACTIONS)
      throw new DomainError("VALIDATION_FAILED", { reason: "SCHEDULE_RUNAWAY", customerId });
    now = next.date;
    actions.push(applyCandidate(sim, next, now));
  }

  // Reminders change nothing else; a stable sort by day puts each after that day's other actions.
  const reminders: SendReminder[] = input.invoices.flatMap((invoice) => {
    const due = reminderToSend(invoice, policy, asOf);
    if (!due) return [];
    const invoiceKey = renewalInvoiceKey(
      invoice.renewalDate,
      invoice.lines.map((l) => l.subscriptionId),
    );
    return [
      {
        kind: "SEND_REMINDER",
        key: reminderKey(invoiceKey, due.daysBeforeDue),
        on: due.on,
        invoiceId: invoice.id,
        invoiceKey,
        daysBeforeDue: due.daysBeforeDue,
      },
    ];
  });
  return [...actions, ...reminders].sort((a, b) => compare(a.on, b.on));
}
