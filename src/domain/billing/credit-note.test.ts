import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { type CreditableLine, planCreditNote, planRefundCreditNote } from "./credit-note";
import { computeDocumentTotals } from "./tax";

const line = (id: string, netMinor: number, taxRateBp: number, creditedNetMinor = 0): CreditableLine => ({
  id,
  description: `Line ${id}`,
  netMinor,
  taxRateBp,
  creditedNetMinor,
  periodStart: "2026-01-01",
  periodEnd: "2026-02-01",
});

const invoiceOf = (lines: CreditableLine[], paidMinor = 0, creditedMinor = 0) => {
  const totals = computeDocumentTotals(lines);
  return { lines, taxGroups: totals.groups, amounts: { grossMinor: totals.grossMinor, paidMinor, creditedMinor } };
};


describe("planning a credit note", () => {
  const invoice = invoiceOf([line("a", 10000, 2000), line("b", 5000, 550)]);

  it("credits a whole unsettled invoice line by line, with the same totals and periods", () => {
    const plan = planCreditNote({ mode: "full" }, invoice, "Cancelled order");
    expect(plan.totals.grossMinor).toBe(invoice.amounts.grossMinor);
    expect(plan.lines.map((l) => [l.invoiceLineId, l.netMinor, l.periodStart])).toEqual([
      ["a", 10000, "2026-01-01"],
      ["b", 5000, "2026-01-01"],
    ]);
  });

  it("credits part of a line, then refuses to credit it beyond its net", () => {
    expect(planCreditNote({ mode: "lines", lines: [{ invoiceLineId: "a", netMinor: 2500 }] }, invoice, "Discount").totals).toMatchObject({ netMinor: 2500, taxMinor: 500, grossMinor: 3000 });
    const partly = invoiceOf([line("a", 10000, 2000, 9000), line("b", 5000, 550)], 0, 10800);
    expect(codeOf(() => planCreditNote({ mode: "lines", lines: [{ invoiceLineId: "a", netMinor: 1001 }] }, partly, "x"))).toBe("CREDIT_EXCEEDS_BALANCE");
    expect(codeOf(() => planCreditNote({ mode: "lines", lines: [{ invoiceLineId: "zzz" }] }, invoice, "x"))).toBe("VALIDATION_FAILED");
  });

  it("spreads an amount over the tax groups so the gross is exact", () => {
    const plan = planCreditNote({ mode: "amount", grossMinor: 1000 }, invoice, "Goodwill");
    expect(plan.totals.grossMinor).toBe(1000);
    expect(plan.lines.every((l) => l.invoiceLineId === null && l.description === "Goodwill")).toBe(true);
  });

  it("never credits more than what is left to pay", () => {
    const paid = invoiceOf([line("a", 10000, 2000)], 11000);
    expect(codeOf(() => planCreditNote({ mode: "amount", grossMinor: 1001 }, paid, "x"))).toBe("CREDIT_EXCEEDS_BALANCE");
    expect(planCreditNote({ mode: "full" }, paid, "x").totals.grossMinor).toBe(1000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), (gross) => {
        const outcome = codeOf(() => planCreditNote({ mode: "amount", grossMinor: gross }, invoice, "x"));
        expect(outcome).toBe(gross <= invoice.amounts.grossMinor ? "OK" : "CREDIT_EXCEEDS_BALANCE");
        if (outcome === "OK") expect(planCreditNote({ mode: "amount", grossMinor: gross }, invoice, "x").totals.grossMinor).toBe(gross);
      }),
    );
  });
});

describe("planRefundCreditNote", () => {
  const invoice = {
    taxGroups: [
      { taxRateBp: 2000, netMinor: 10_000, taxMinor: 2_000 },
      { taxRateBp: 550, netMinor: 1_000, taxMinor: 55 },
    ],
    amounts: { grossMinor: 13_055, paidMinor: 13_055, creditedMinor: 0 },
  };
  it("credits exactly the refunded amount over the tax groups, on a paid invoice", () => {
    const plan = planRefundCreditNote(5_000, invoice, 13_055, "Refund");
    expect(plan.totals.grossMinor).toBe(5_000);
    expect(plan.totals.groups.map((g) => g.taxRateBp)).toEqual([2000, 550]);
  });
  it("refuses more than what is left of the payment, or nothing", () => {
    expect(() => planRefundCreditNote(13_056, invoice, 20_000, "r")).toThrow("REFUND_EXCEEDS_PAYMENT");
    expect(() => planRefundCreditNote(3_001, invoice, 3_000, "r")).toThrow("REFUND_EXCEEDS_PAYMENT");
    expect(() => planRefundCreditNote(0, invoice, 3_000, "r")).toThrow("REFUND_EXCEEDS_PAYMENT");
  });
});
