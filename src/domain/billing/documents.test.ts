import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDocumentNumber, validateNumberPattern } from "./document-number";
import { amountDue, assertCreditWithinBalance, invoiceBalance, isOverdue, statusAfterSettlement, transitionInvoice } from "./invoice-state";
import { isFinalSubscriptionStatus, type SubscriptionEvent, transitionSubscription } from "./subscription-state";

describe("document numbers", () => {
  it("formats year and padded sequence, never truncating", () => {
    expect(formatDocumentNumber("F{YYYY}-{SEQ:6}", { year: 2026, sequence: 123 })).toBe("F2026-000123");
    expect(formatDocumentNumber("AV{YY}/{SEQ}", { year: 2026, sequence: 7 })).toBe("AV26/7");
    expect(formatDocumentNumber("F{SEQ:2}", { year: 2026, sequence: 1234 })).toBe("F1234");
  });

  it("rejects patterns without exactly one sequence or with unknown tokens", () => {
    for (const bad of ["F{YYYY}", "{SEQ}{SEQ}", "F{MONTH}-{SEQ}", "F {SEQ}", "{SEQ:13}"]) expect(() => validateNumberPattern(bad)).toThrow();
  });

  it("gives distinct numbers to distinct sequences", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), (a, b) => {
        fc.pre(a !== b);
        expect(formatDocumentNumber("F{YYYY}-{SEQ:6}", { year: 2026, sequence: a })).not.toBe(formatDocumentNumber("F{YYYY}-{SEQ:6}", { year: 2026, sequence: b }));
      }),
    );
  });
});

describe("invoice lifecycle", () => {
  it("goes draft -> open -> paid, or open -> void, and nothing else", () => {
    expect(transitionInvoice("DRAFT", "issue")).toBe("OPEN");
    expect(transitionInvoice("OPEN", "settle")).toBe("PAID");
    expect(transitionInvoice("OPEN", "void")).toBe("VOID");
    expect(() => transitionInvoice("DRAFT", "void")).toThrow();
    expect(() => transitionInvoice("PAID", "void")).toThrow();
    expect(() => transitionInvoice("VOID", "issue")).toThrow();
  });

  it("computes balance, settles at zero, caps credits, knows overdue", () => {
    const a = { grossMinor: 12000, paidMinor: 2000, creditedMinor: 1000 };
    expect(invoiceBalance(a)).toBe(9000);
    expect(() => assertCreditWithinBalance(9001, a)).toThrow();
    expect(() => assertCreditWithinBalance(9000, a)).not.toThrow();
    expect(statusAfterSettlement("OPEN", { ...a, paidMinor: 11000 })).toBe("PAID");
    expect(statusAfterSettlement("OPEN", a)).toBe("OPEN");
    expect(isOverdue("OPEN", "2026-01-10", "2026-01-11", a)).toBe(true);
    expect(isOverdue("OPEN", "2026-01-10", "2026-01-10", a)).toBe(false);
    expect(isOverdue("VOID", "2026-01-10", "2026-02-10", a)).toBe(false);
    expect(amountDue("OPEN", a)).toBe(9000);
    expect(amountDue("VOID", a)).toBe(0);
  });
});

describe("subscription lifecycle", () => {
  it("never leaves a final state", () => {
    const events: SubscriptionEvent[] = ["suspend", "reinstate", "terminate", "cancel"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 20 }), (seq) => {
        let s: "ACTIVE" | "SUSPENDED" | "TERMINATED" | "CANCELLED" = "ACTIVE";
        for (const e of seq) {
          const wasFinal = isFinalSubscriptionStatus(s);
          try {
            s = transitionSubscription(s, e);
            expect(wasFinal).toBe(false);
          } catch {
            // refused transitions leave the state as it was
          }
        }
      }),
    );
    expect(transitionSubscription("SUSPENDED", "reinstate")).toBe("ACTIVE");
    expect(() => transitionSubscription("ACTIVE", "terminate")).toThrow();
  });
});
