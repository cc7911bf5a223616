import { DomainError } from "@/domain/shared/domain-error";
import type { BillingCycleName } from "./billing-cycle";
import type { IsHoliday } from "./business-days";
import type { CalendarDate } from "./calendar-date";
import type { DunningPolicy } from "./dunning-policy";
import type { InvoiceStatusName } from "./invoice-state";
import type { Period } from "./period";
import type { SubscriptionStatusName } from "./subscription-state";

/**
 * What the renewal schedule reads and what it plans (`planSchedule` in renewal-schedule.ts), as
 * plain data the server maps its rows to, and the idempotency keys of the actions.
 */

export interface RenewalLine {
  readonly subscriptionId: string;
  /** The new service period, half-open; it starts on the renewal date. */
  readonly period: Period;
}

export interface ScheduleSubscription {
  readonly id: string;
  readonly customerId: string;
  readonly status: SubscriptionStatusName;
  /** The cycle of the next renewal not yet invoiced (a lengthened cycle applies from there). */
  readonly cycle: BillingCycleName;
  readonly anchorDay: number;
  /** The period being served; its end is the next renewal date D. */
  readonly currentPeriod: Period;
  /** The day of its last reinstatement, null if never: a renewal held back by the suspension is issued from then. */
  readonly reinstatedOn: CalendarDate | null;
}

export type DunningStep = "SUSPEND" | "SUSPEND_ALL" | "TERMINATE";

/** A renewal invoice. Pass the OPEN ones and those with a line starting on or after its subscription's current period end. */
export interface ScheduleInvoice {
  readonly id: string;
  readonly customerId: string;
  readonly renewalDate: CalendarDate;
  /** null while a draft */
  readonly issueDate: CalendarDate | null;
  readonly dueDate: CalendarDate;
  readonly status: InvoiceStatusName;
  readonly balanceMinor: number;
  readonly lines: readonly RenewalLine[];
  /** The reminders already sent, as days before due. */
  readonly remindersSent: readonly number[];
  readonly stepsDone: readonly DunningStep[];
}

export interface ScheduleInput {
  readonly customerId: string;
  /** Today in the customer's time zone (`todayIn(customer.timeZone, now)`). */
  readonly asOf: CalendarDate;
  readonly policy: DunningPolicy;
  readonly isHoliday: IsHoliday;
  readonly subscriptions: readonly ScheduleSubscription[];
  readonly invoices: readonly ScheduleInvoice[];
}

/** The invoice a dunning action is about: its id, or null when an earlier action of the same plan issues it. */
interface InvoiceRef {
  readonly invoiceId: string | null;
  readonly invoiceKey: string;
}
interface Due {
  readonly key: string;
  readonly on: CalendarDate;
}

export type IssueRenewal = Due & {
  readonly kind: "ISSUE_RENEWAL";
  readonly customerId: string;
  readonly renewalDate: CalendarDate;
  /** The date printed on it: the run's day (ADR 0005), `on` when runs are on time. */
  readonly issueDate: CalendarDate;
  readonly dueDate: CalendarDate;
  readonly lines: readonly RenewalLine[];
};
export type StartPeriod = Due & {
  readonly kind: "START_PERIOD";
  readonly subscriptionId: string;
  readonly period: Period;
};
export type SendReminder = Due &
  InvoiceRef & { readonly kind: "SEND_REMINDER"; readonly daysBeforeDue: number };
/** Each listed subscription gets a hold for this invoice; an ACTIVE one becomes SUSPENDED. */
export type Suspend = Due &
  InvoiceRef & {
    readonly kind: "SUSPEND";
    readonly subscriptionIds: readonly string[];
    readonly cause: "INVOICE_UNPAID";
  };
export type SuspendAll = Due &
  InvoiceRef & {
    readonly kind: "SUSPEND_ALL";
    readonly customerId: string;
    readonly subscriptionIds: readonly string[];
    readonly cause: "CUSTOMER_IN_ARREARS";
  };
export type Terminate = Due &
  InvoiceRef & {
    readonly kind: "TERMINATE";
    readonly subscriptionIds: readonly string[];
    readonly cause: "INVOICE_UNPAID";
  };
export type ScheduledAction = IssueRenewal | StartPeriod | SendReminder | Suspend | SuspendAll | Terminate;

/**
 * A renewal invoice is named after its first line (the smallest subscription id) and the renewal
 * date. Two invoices for the same customer and day (one held back by a suspension) have disjoint
 * subscriptions, so they never share a name; the line's own UNIQUE (subscription, period start)
 * is what makes "one invoice per subscription per period" hold.
 */
export function renewalInvoiceKey(renewalDate: CalendarDate, subscriptionIds: readonly string[]): string {
  const first = [...subscriptionIds].sort()[0];
  if (first === undefined) throw new DomainError("EMPTY_INVOICE", { renewalDate });
  return `renewal:${first}:${renewalDate}`;
}
export const dunningStepKey = (invoiceKey: string, step: DunningStep): string =>
  `${invoiceKey}:${step === "SUSPEND" ? "suspend" : step === "SUSPEND_ALL" ? "suspend-all" : "terminate"}`;
export const reminderKey = (invoiceKey: string, daysBeforeDue: number): string =>
  `${invoiceKey}:reminder:${daysBeforeDue}`;
export const periodKey = (subscriptionId: string, start: CalendarDate): string =>
  `period:${subscriptionId}:${start}`;
