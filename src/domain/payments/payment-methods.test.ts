import { describe, expect, it } from "vitest";
import { demoOffSessionOutcome, demoTestMethod } from "./demo-test-methods";
import { checkoutKeyMaterial, ledgerMethodOf, methodKindsFor } from "./payment-methods";

describe("payment methods", () => {
  it("offers a card everywhere and the bank debit of the currency's region", () => {
    expect(methodKindsFor("EUR")).toEqual(["CARD", "SEPA_DEBIT"]);
    expect(methodKindsFor("usd")).toEqual(["CARD", "ACH_DEBIT"]);
    expect(methodKindsFor("CAD")).toEqual(["CARD", "ACSS_DEBIT"]);
    expect(methodKindsFor("JPY")).toEqual(["CARD"]);
    expect([ledgerMethodOf("CARD"), ledgerMethodOf(null), ledgerMethodOf("SEPA_DEBIT")]).toEqual([
      "CARD",
      "CARD",
      "BANK_DEBIT",
    ]);
  });

  it("names one attempt by who pays what for what, whatever the order of the invoices", () => {
    const base = { customerId: "c", purpose: "MANUAL" as const, attempt: 0 };
    const a = checkoutKeyMaterial({
      ...base,
      invoices: [
        { invoiceId: "i1", balanceMinor: 100 },
        { invoiceId: "i2", balanceMinor: 50 },
      ],
    });
    expect(
      checkoutKeyMaterial({
        ...base,
        invoices: [
          { invoiceId: "i2", balanceMinor: 50 },
          { invoiceId: "i1", balanceMinor: 100 },
        ],
      }),
    ).toBe(a);
    expect(
      checkoutKeyMaterial({
        ...base,
        invoices: [
          { invoiceId: "i1", balanceMinor: 99 },
          { invoiceId: "i2", balanceMinor: 50 },
        ],
      }),
    ).not.toBe(a);
    expect(
      checkoutKeyMaterial({
        ...base,
        purpose: "AUTOPAY",
        invoices: [
          { invoiceId: "i1", balanceMinor: 100 },
          { invoiceId: "i2", balanceMinor: 50 },
        ],
      }),
    ).not.toBe(a);
    expect(
      checkoutKeyMaterial({
        ...base,
        attempt: 1,
        invoices: [
          { invoiceId: "i1", balanceMinor: 100 },
          { invoiceId: "i2", balanceMinor: 50 },
        ],
      }),
    ).not.toBe(a);
  });
});

describe("the demo provider's test methods", () => {
  it("accepts only its test numbers, typed with spaces or not, and keeps only the last 4", () => {
    expect(demoTestMethod("4242 4242 4242 4242")).toMatchObject({
      kind: "CARD",
      last4: "4242",
      outcome: "SUCCEEDS",
    });
    expect(demoTestMethod("4000-0000-0000-0002")?.outcome).toBe("DECLINED");
    expect(demoTestMethod("4000002500003155")?.outcome).toBe("REQUIRES_AUTHENTICATION");
    expect(demoTestMethod("de89 3704 0044 0532 0130 00")).toMatchObject({
      kind: "SEPA_DEBIT",
      last4: "3000",
      outcome: "PROCESSING_THEN_SUCCEEDS",
    });
    expect(demoTestMethod("5555555555554444")).toBeNull();
    expect(demoTestMethod("")).toBeNull();
  });

  it("charges a saved method off-session unless it needs its holder", () => {
    expect(demoOffSessionOutcome("4242")).toBe("SUCCEEDS");
    expect(demoOffSessionOutcome("3000")).toBe("PROCESSING_THEN_SUCCEEDS");
    expect(demoOffSessionOutcome("3155")).toBe("AUTHENTICATION_REQUIRED");
    expect(demoOffSessionOutcome("9999")).toBe("DECLINED");
  });
});
