import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePayment, amountToPay, type PayableInvoice, payableInOrder } from "./allocation";

const invoice = (n: number, balanceMinor: number, dueDate: string | null, currency = "EUR"): PayableInvoice => ({ invoiceId: `i${n}`, number: `F-${n}`, balanceMinor, dueDate, currency });

describe("allocating a payment over invoices", () => {
  it("settles the oldest due first and returns what it could not place", () => {
    const invoices = [invoice(1, 500, "2026-03-01"), invoice(2, 300, "2026-02-01"), invoice(3, 200, null)];
    expect(allocatePayment(700, invoices)).toEqual({ allocations: [{ invoiceId: "i2", amountMinor: 300 }, { invoiceId: "i1", amountMinor: 400 }], unallocatedMinor: 0 });
    expect(allocatePayment(1200, invoices)).toEqual({
      allocations: [{ invoiceId: "i2", amountMinor: 300 }, { invoiceId: "i1", amountMinor: 500 }, { invoiceId: "i3", amountMinor: 200 }],
      unallocatedMinor: 200,
    });
  });

  it("skips an invoice paid meanwhile and refuses mixed currencies or a non-positive amount", () => {
    expect(allocatePayment(100, [invoice(1, 0, "2026-01-01"), invoice(2, 100, "2026-02-01")]).allocations).toEqual([{ invoiceId: "i2", amountMinor: 100 }]);
    expect(() => payableInOrder([invoice(1, 1, null), invoice(2, 1, null, "USD")])).toThrow();
    expect(() => allocatePayment(0, [invoice(1, 1, null)])).toThrow();
  });

  it("never places more than an invoice owes nor more than was received, and places all it can", () => {
    const arb = fc.array(fc.record({ balance: fc.integer({ min: 0, max: 100_000 }), due: fc.option(fc.integer({ min: 1, max: 28 })) }), { maxLength: 12 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 2_000_000 }), (rows, amount) => {
        const invoices = rows.map((r, i) => invoice(i, r.balance, r.due === null ? null : `2026-01-${String(r.due).padStart(2, "0")}`));
        const { allocations, unallocatedMinor } = allocatePayment(amount, invoices);
        const placed = allocations.reduce((n, a) => n + a.amountMinor, 0);
        expect(placed + unallocatedMinor).toBe(amount);
        for (const a of allocations) expect(a.amountMinor).toBeLessThanOrEqual(invoices.find((i) => i.invoiceId === a.invoiceId)?.balanceMinor ?? 0);
        expect(placed).toBe(Math.min(amount, amountToPay(invoices)));
        expect(allocations.every((a) => a.amountMinor > 0)).toBe(true);
      }),
    );
  });
});
