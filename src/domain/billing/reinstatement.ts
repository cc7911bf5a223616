import type { BillingCycleName } from "./billing-cycle";
import type { CalendarDate } from "./calendar-date";
import type { DunningPolicy } from "./dunning-policy";
import type { InvoiceStatusName } from "./invoice-state";
import type { SubscriptionStatusName } from "./subscription-state";

/**
 * Payment brings services back at once (the payment's own transaction calls this, not the next
 * run). A suspension leaves one hold per (subscription, invoice) that caused it, so a service
 * suspended by its own invoice and then by the customer's arrears on another comes back only
 * when both are settled. Terminated and cancelled services never come back.
 */
export interface SuspensionHold {
  readonly subscriptionId: string;
  readonly invoiceId: string;
}

export interface ReinstatementInput {
  /** The payment's day in the customer's calendar; store it as the subscription's `reinstatedOn`. */
  readonly on: CalendarDate;
  readonly policy: Pick<DunningPolicy, "lengthenCycleAfterReinstatement">;
  /** The customer's subscriptions that have holds. */
  readonly subscriptions: readonly {
    readonly id: string;
    readonly status: SubscriptionStatusName;
    readonly cycle: BillingCycleName;
  }[];
  readonly holds: readonly SuspensionHold[];
  /** The invoices the holds name, as they are after the payment or credit note. */
  readonly invoices: readonly {
    readonly id: string;
    readonly status: InvoiceStatusName;
    readonly balanceMinor: number;
  }[];
}

export interface Reinstate {
  readonly kind: "REINSTATE";
  readonly key: string;
  readonly on: CalendarDate;
  readonly subscriptionId: string;
  /** The settled invoices whose holds were the last ones on it: the cause written to its history. */
  readonly settledInvoiceIds: readonly string[];
}

/** Set the subscription's cycle to `to`: the next renewal not yet invoiced is planned with it. */
export interface LengthenCycle {
  readonly kind: "LENGTHEN_CYCLE";
  readonly key: string;
  readonly on: CalendarDate;
  readonly subscriptionId: string;
  readonly from: BillingCycleName;
  readonly to: BillingCycleName;
}

export interface ReinstatementPlan {
  /** Holds whose invoice is settled: delete them (on terminated services too). */
  readonly releasedHolds: readonly SuspensionHold[];
  readonly reinstate: readonly Reinstate[];
  readonly lengthen: readonly LengthenCycle[];
}

const LONGER: Partial<Record<BillingCycleName, BillingCycleName>> = {
  MONTHLY: "QUARTERLY",
  QUARTERLY: "SEMIANNUAL",
  SEMIANNUAL: "ANNUAL",
};

/** The next longer cycle after a reinstatement; annual and biennial stay as they are. */
export const longerCycle = (cycle: BillingCycleName): BillingCycleName | null => LONGER[cycle] ?? null;

/** Nothing left to pay: paid, voided, or open with a zero balance (fully credited). */
const isSettled = (invoice: ReinstatementInput["invoices"][number] | undefined): boolean =>
  invoice !== undefined &&
  (invoice.status === "PAID" ||
    invoice.status === "VOID" ||
    (invoice.status === "OPEN" && invoice.balanceMinor <= 0));

/**
 * Which holds go, which subscriptions come back and which cycles lengthen. A subscription comes
 * back when this settlement lifts its last hold; one suspended by staff without any hold is not
 * touched, and a hold naming an invoice that is not given stays (fail closed).
 */
export function reinstatementOnPayment(input: ReinstatementInput): ReinstatementPlan {
  const invoices = new Map(input.invoices.map((i) => [i.id, i]));
  const releasedHolds = input.holds.filter((h) => isSettled(invoices.get(h.invoiceId)));
  const reinstate: Reinstate[] = [];
  const lengthen: LengthenCycle[] = [];
  for (const s of [...input.subscriptions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const holds = input.holds.filter((h) => h.subscriptionId === s.id);
    const settled = holds.filter((h) => isSettled(invoices.get(h.invoiceId))).map((h) => h.invoiceId);
    if (s.status !== "SUSPENDED" || settled.length === 0 || settled.length < holds.length) continue;
    // The holds released are what happened: a retry after a crash releases the same ones, hence the same key.
    const cause = [...new Set(settled)].sort();
    reinstate.push({
      kind: "REINSTATE",
      key: `reinstate:${s.id}:${cause.join(",")}`,
      on: input.on,
      subscriptionId: s.id,
      settledInvoiceIds: cause,
    });
    const to = longerCycle(s.cycle);
    if (input.policy.lengthenCycleAfterReinstatement && to !== null) {
      lengthen.push({
        kind: "LENGTHEN_CYCLE",
        key: `lengthen:${s.id}:${cause.join(",")}`,
        on: input.on,
        subscriptionId: s.id,
        from: s.cycle,
        to,
      });
    }
  }
  return { releasedHolds, reinstate, lengthen };
}
