import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BILLING_CYCLES } from "./billing-cycle";
import { calendarDate } from "./calendar-date";
import type { InvoiceStatusName } from "./invoice-state";
import { longerCycle, type ReinstatementInput, reinstatementOnPayment } from "./reinstatement";
import type { SubscriptionStatusName } from "./subscription-state";

const on = calendarDate("2026-03-10");
const lengthen = { lengthenCycleAfterReinstatement: true };
const sub = (
  id: string,
  status: SubscriptionStatusName = "SUSPENDED",
  cycle: (typeof BILLING_CYCLES)[number] = "MONTHLY",
) => ({ id, status, cycle });
const invoice = (id: string, status: InvoiceStatusName, balanceMinor = status === "OPEN" ? 500 : 0) => ({
  id,
  status,
  balanceMinor,
});

describe("reinstatement on payment", () => {
  it("brings back a subscription whose every hold is settled, and lengthens its next renewal", () => {
    const plan = reinstatementOnPayment({
      on,
      policy: lengthen,
      subscriptions: [sub("a"), sub("b", "SUSPENDED", "ANNUAL")],
      holds: [
        { subscriptionId: "a", invoiceId: "i1" },
        { subscriptionId: "b", invoiceId: "i1" },
      ],
      invoices: [invoice("i1", "PAID")],
    });
    expect(plan.reinstate).toEqual([
      { kind: "REINSTATE", key: "reinstate:a:i1", on, subscriptionId: "a", settledInvoiceIds: ["i1"] },
      { kind: "REINSTATE", key: "reinstate:b:i1", on, subscriptionId: "b", settledInvoiceIds: ["i1"] },
    ]);
    // Annual stays annual.
    expect(plan.lengthen).toEqual([
      {
        kind: "LENGTHEN_CYCLE",
        key: "lengthen:a:i1",
        on,
        subscriptionId: "a",
        from: "MONTHLY",
        to: "QUARTERLY",
      },
    ]);
    expect(plan.releasedHolds).toHaveLength(2);
  });

  it("keeps suspended what another unpaid invoice still holds: the debtor is the customer", () => {
    const input: ReinstatementInput = {
      on,
      policy: lengthen,
      subscriptions: [sub("a"), sub("b")],
      holds: [
        { subscriptionId: "a", invoiceId: "own" },
        { subscriptionId: "a", invoiceId: "arrears" },
        { subscriptionId: "b", invoiceId: "arrears" },
      ],
      invoices: [invoice("own", "PAID"), invoice("arrears", "OPEN")],
    };
    const first = reinstatementOnPayment(input);
    expect(first.reinstate).toEqual([]);
    expect(first.releasedHolds).toEqual([{ subscriptionId: "a", invoiceId: "own" }]);
    // Credited down to zero counts as settled, like a payment.
    const then = reinstatementOnPayment({
      ...input,
      holds: input.holds.slice(1),
      invoices: [invoice("arrears", "OPEN", 0)],
    });
    expect(then.reinstate.map((r) => r.subscriptionId)).toEqual(["a", "b"]);
  });

  it("never brings back a terminated or cancelled subscription, nor one suspended without a hold", () => {
    const plan = reinstatementOnPayment({
      on,
      policy: lengthen,
      subscriptions: [sub("t", "TERMINATED"), sub("c", "CANCELLED"), sub("manual")],
      holds: [
        { subscriptionId: "t", invoiceId: "i1" },
        { subscriptionId: "c", invoiceId: "i1" },
      ],
      invoices: [invoice("i1", "PAID")],
    });
    expect(plan.reinstate).toEqual([]);
    expect(plan.lengthen).toEqual([]);
    expect(plan.releasedHolds).toHaveLength(2); // the holds go all the same
  });

  it("keeps the cycle when the policy says so, and a hold on an invoice it is not shown (fail closed)", () => {
    const plan = reinstatementOnPayment({
      on,
      policy: { lengthenCycleAfterReinstatement: false },
      subscriptions: [sub("a"), sub("b")],
      holds: [
        { subscriptionId: "a", invoiceId: "i1" },
        { subscriptionId: "b", invoiceId: "unknown" },
      ],
      invoices: [invoice("i1", "VOID")],
    });
    expect(plan.reinstate.map((r) => r.subscriptionId)).toEqual(["a"]);
    expect(plan.lengthen).toEqual([]);
  });

  it("lengthens monthly -> quarterly -> semi-annual -> annual, then stays", () => {
    expect(BILLING_CYCLES.map(longerCycle)).toEqual(["QUARTERLY", "SEMIANNUAL", "ANNUAL", null, null]);
  });

  it("reinstates exactly the suspended subscriptions left without an unsettled hold", () => {
    const ids = ["a", "b", "c", "d"];
    const invoiceIds = ["i1", "i2", "i3"];
    fc.assert(
      fc.property(
        fc.tuple(
          ...ids.map(() =>
            fc.constantFrom<SubscriptionStatusName>("ACTIVE", "SUSPENDED", "TERMINATED", "CANCELLED"),
          ),
        ),
        fc.uniqueArray(
          fc.record({ subscriptionId: fc.constantFrom(...ids), invoiceId: fc.constantFrom(...invoiceIds) }),
          {
            selector: (h) => `${h.subscriptionId}|${h.invoiceId}`,
          },
        ),
        fc.tuple(...invoiceIds.map(() => fc.constantFrom<InvoiceStatusName>("OPEN", "PAID", "VOID"))),
        (statuses, holds, invoiceStatuses) => {
          const invoices = invoiceIds.map((id, i) => invoice(id, invoiceStatuses[i] ?? "OPEN"));
          const settled = new Set(invoices.filter((i) => i.status !== "OPEN").map((i) => i.id));
          const subscriptions = ids.map((id, i) => sub(id, statuses[i]));
          const plan = reinstatementOnPayment({ on, policy: lengthen, subscriptions, holds, invoices });
          const expected = subscriptions
            .filter((s) => s.status === "SUSPENDED")
            .filter((s) => {
              const own = holds.filter((h) => h.subscriptionId === s.id);
              return own.length > 0 && own.every((h) => settled.has(h.invoiceId));
            })
            .map((s) => s.id);
          expect(plan.reinstate.map((r) => r.subscriptionId)).toEqual(expected);
          expect(plan.releasedHolds).toEqual(holds.filter((h) => settled.has(h.invoiceId)));
        },
      ),
    );
  });
});
