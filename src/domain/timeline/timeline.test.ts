import { describe, expect, it } from "vitest";
import { buildTimeline, customerTimeline, plainAmount, type TimelineRow } from "./timeline";

const row = (
  at: string,
  kind: string,
  source: string | null,
  details: Record<string, unknown> = {},
): TimelineRow => ({
  at: new Date(at),
  kind,
  source,
  invoiceId: "i",
  subscriptionId: null,
  emailId: null,
  details,
});

describe("timeline", () => {
  it("orders by time, then issued before e-mailed at one instant, and words the cause", () => {
    const t = buildTimeline([
      row("2026-12-02T06:00:00Z", "EMAILED", "renewalInvoice", {
        template: "renewalInvoice",
        to: "ap@example.com",
        status: "CAPTURED",
      }),
      row("2026-12-05T10:00:00Z", "PAYMENT_RECORDED", null, {
        method: "TRANSFER",
        amountMinor: 12000,
        currency: "EUR",
      }),
      row("2026-12-02T06:00:00Z", "ISSUED", null, { runAsOf: "2026-12-02" }),
      row("2026-12-03T08:00:00Z", "OPENED", null, { count: 3 }),
      row("2026-12-03T08:00:00Z", "UNKNOWN", null),
    ]);
    expect(t.map((e) => [e.kind, e.cause])).toEqual([
      ["ISSUED", "billing run 2026-12-02"],
      ["EMAILED", "invoice e-mail to ap@example.com (kept in the outbox: no SMTP server)"],
      ["OPENED", "e-mail opened (3 times)"],
      ["PAYMENT_RECORDED", "payment TRANSFER 120.00 EUR"],
    ]);
  });

  it("shows a period inclusive and a manual status change as manual", () => {
    const [p, s] = buildTimeline([
      row("2026-12-01T00:00:00Z", "PERIOD_STARTED", "RENEWAL", {
        runAsOf: "2026-12-01",
        period: { start: "2026-12-01", end: "2027-01-01" },
      }),
      row("2026-12-02T00:00:00Z", "SUSPENDED", "asked by the customer", { manual: true }),
    ]);
    expect(p?.cause).toBe("billing run 2026-12-01: period 2026-12-01 to 2026-12-31");
    expect(s?.cause).toBe("manual: asked by the customer");
  });

  it("gives a customer no tracking, no causes and each reminder once", () => {
    const t = buildTimeline([
      row("2026-12-02T06:00:00Z", "ISSUED", null, { manual: true }),
      row("2026-12-02T06:00:00Z", "EMAILED", "renewalInvoice", { template: "renewalInvoice" }),
      row("2026-12-03T06:00:00Z", "OPENED", null),
      row("2026-12-03T06:01:00Z", "CLICKED", null, { link: "/portal" }),
      row("2026-12-03T06:01:00Z", "DELIVERED", null),
      row("2026-12-07T06:00:00Z", "REMINDER_SENT", "UNPAID"),
      row("2026-12-07T06:00:00Z", "EMAILED", "paymentReminder", { template: "paymentReminder" }),
      row("2026-12-08T06:00:00Z", "PAYMENT_RECORDED", null, {
        amountMinor: 500,
        currency: "JPY",
        method: "CARD",
      }),
    ]);
    expect(customerTimeline(t)).toEqual([
      { at: new Date("2026-12-02T06:00:00Z"), kind: "ISSUED" },
      { at: new Date("2026-12-02T06:00:00Z"), kind: "EMAILED" },
      { at: new Date("2026-12-07T06:00:00Z"), kind: "REMINDER_SENT" },
      {
        at: new Date("2026-12-08T06:00:00Z"),
        kind: "PAYMENT_RECORDED",
        amount: { minor: 500, currency: "JPY" },
      },
    ]);
  });

  it("prints amounts in the currency's own minor units", () => {
    expect([
      plainAmount(12000, "EUR"),
      plainAmount(5, "EUR"),
      plainAmount(500, "JPY"),
      plainAmount(-1999, "USD"),
    ]).toEqual(["120.00 EUR", "0.05 EUR", "500 JPY", "-19.99 USD"]);
  });
});
