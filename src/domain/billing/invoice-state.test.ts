import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "@/domain/shared/domain-error";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import {
  amountDue,
  assertCreditWithinBalance,
  assertPaymentWithinBalance,
  creditableAmount,
  type InvoiceEvent,
  type InvoiceStatusName,
  invoiceBalance,
  isOverdue,
  isPastDue,
  statusAfterSettlement,
  transitionInvoice,
} from "./invoice-state";

const STATUSES: InvoiceStatusName[] = ["DRAFT", "OPEN", "PAID", "VOID"];
const EVENTS: InvoiceEvent[] = ["issue", "settle", "reopen", "void"];

/** The lifecycle as the product describes it, written out independently of the code's table. */
const ALLOWED: Record<string, InvoiceStatusName> = {
  "DRAFT issue": "OPEN",
  "OPEN settle": "PAID",
  "OPEN void": "VOID",
  "PAID reopen": "OPEN", // a refund puts money back to pay
};

const amounts = fc
  .record({ grossMinor: fc.integer({ min: 0, max: 1e9 }), paid: fc.nat(), credited: fc.nat() })
  .map(({ grossMinor, paid, credited }) => {
    // Any split of the gross between payments, credits and what is left (the CHECK constraint's world).
    const paidMinor = grossMinor === 0 ? 0 : paid % (grossMinor + 1);
    const creditedMinor = grossMinor - paidMinor === 0 ? 0 : credited % (grossMinor - paidMinor + 1);
    return { grossMinor, paidMinor, creditedMinor };
  });

describe("invoice lifecycle", () => {
  it("allows exactly the transitions of the table, refusing the rest with their cause", () => {
    for (const from of STATUSES) {
      for (const event of EVENTS) {
        const expected = ALLOWED[`${from} ${event}`];
        if (expected) {
          expect(transitionInvoice(from, event)).toBe(expected);
          continue;
        }
        try {
          transitionInvoice(from, event);
          expect.unreachable(`${from} ${event} should be refused`);
        } catch (e) {
          expect(isDomainError(e) && e.code).toBe("INVALID_TRANSITION");
          expect(isDomainError(e) && e.details).toEqual({ entity: "invoice", from, event });
        }
      }
    }
  });

  it("never leaves VOID, and leaves PAID only by reopening", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.array(fc.constantFrom(...EVENTS), { maxLength: 30 }),
        (initial, events) => {
          let status = initial;
          for (const event of events) {
            const before = status;
            if (codeOf(() => transitionInvoice(before, event)) === "OK")
              status = transitionInvoice(before, event);
            if (before === "VOID") expect(status).toBe("VOID");
            if (before === "PAID" && status !== "PAID") expect(event).toBe("reopen");
            expect(status === "DRAFT" && before !== "DRAFT").toBe(false); // an issued invoice never goes back to draft
          }
        },
      ),
    );
  });
});

describe("invoice amounts", () => {
  const a = { grossMinor: 12000, paidMinor: 2000, creditedMinor: 1000 };

  it("balance is gross - payments - credit notes", () => {
    expect(invoiceBalance(a)).toBe(9000);
    expect(creditableAmount(a)).toBe(9000);
    expect(creditableAmount({ grossMinor: 100, paidMinor: 100, creditedMinor: 0 })).toBe(0);
    // Never negative, even on inconsistent input.
    expect(creditableAmount({ grossMinor: 100, paidMinor: 150, creditedMinor: 0 })).toBe(0);
  });

  it("caps credit notes and payments at the balance", () => {
    expect(codeOf(() => assertCreditWithinBalance(9001, a))).toBe("CREDIT_EXCEEDS_BALANCE");
    expect(codeOf(() => assertCreditWithinBalance(9000, a))).toBe("OK");
    expect(codeOf(() => assertCreditWithinBalance(0, a))).toBe("CREDIT_EXCEEDS_BALANCE");
    expect(codeOf(() => assertPaymentWithinBalance(9001, a))).toBe("PAYMENT_EXCEEDS_BALANCE");
    expect(codeOf(() => assertPaymentWithinBalance(9000, a))).toBe("OK");
    expect(codeOf(() => assertPaymentWithinBalance(-1, a))).toBe("PAYMENT_EXCEEDS_BALANCE");
  });

  it("accepts a credit exactly from 1 to the creditable amount", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: -10, max: 1e9 + 10 }), (inv, requested) => {
        const ok = requested >= 1 && requested <= creditableAmount(inv);
        expect(codeOf(() => assertCreditWithinBalance(requested, inv))).toBe(
          ok ? "OK" : "CREDIT_EXCEEDS_BALANCE",
        );
        expect(creditableAmount(inv)).toBeGreaterThanOrEqual(0);
        if (ok)
          expect(creditableAmount({ ...inv, creditedMinor: inv.creditedMinor + requested })).toBe(
            creditableAmount(inv) - requested,
          );
      }),
    );
  });

  it("settles an open invoice when nothing is left to pay, and only then", () => {
    expect(statusAfterSettlement("OPEN", { ...a, paidMinor: 11000 })).toBe("PAID");
    expect(statusAfterSettlement("OPEN", a)).toBe("OPEN");
    expect(statusAfterSettlement("VOID", { ...a, paidMinor: 11000 })).toBe("VOID");
    fc.assert(
      fc.property(amounts, (inv) => {
        expect(statusAfterSettlement("OPEN", inv)).toBe(invoiceBalance(inv) === 0 ? "PAID" : "OPEN");
      }),
    );
  });

  it("is due only while open, and overdue only after the due date", () => {
    expect(amountDue("OPEN", a)).toBe(9000);
    for (const s of ["DRAFT", "PAID", "VOID"] as const) expect(amountDue(s, a)).toBe(0);
    expect(isOverdue("OPEN", "2026-01-10", "2026-01-11", a)).toBe(true);
    expect(isOverdue("OPEN", "2026-01-10", "2026-01-10", a)).toBe(false); // due today is not late
    expect(isOverdue("OPEN", null, "2026-01-11", a)).toBe(false);
    expect(isOverdue("VOID", "2026-01-10", "2026-02-10", a)).toBe(false);
    expect(isOverdue("OPEN", "2026-01-10", "2026-02-10", { ...a, paidMinor: 11000 })).toBe(false);
    expect(isPastDue("OPEN", "2025-12-31", "2026-01-01", 1)).toBe(true);
    expect(isPastDue("OPEN", "2025-12-31", "2026-01-01", 0)).toBe(false);
  });
});
