import { describe, expect, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { confirmDemoIntent } from "@/server/payments/confirm-demo-intent";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { storePaymentEvent } from "@/server/payments/receive-payment-webhook";
import { reconcilePayments } from "@/server/payments/reconcile-payments";
import { refundPayment } from "@/server/payments/refund-payment";
import { startCheckout } from "@/server/payments/start-checkout";
import { makeStaff } from "../support/factories";
import { codeOf } from "../support/helpers";
import { applyPendingPaymentEvents, makeCustomerActor, makeOpenInvoice } from "../support/payments";

const db = getDb();
const provider = activePaymentProvider(db);
const t0 = new Date("2026-02-01T10:00:00Z");

/** An invoice of 172.75 EUR paid online with the demo's succeeding card; `lose` drops the success event (a lost webhook). */
async function paidOnline(opts: { lose?: boolean } = {}) {
  const { invoiceId, customerId } = await makeOpenInvoice();
  const actor = await makeCustomerActor(customerId);
  const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
  const checkout = await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } });
  const intentId = checkout.providerIntentId ?? "";
  await confirmDemoIntent(
    db,
    { intentId, clientSecret: view.clientSecret ?? "", number: "4242424242424242" },
    t0,
  );
  if (opts.lose)
    await db.paymentWebhookEvent.deleteMany({
      where: { provider: "demo", processedAt: null, payload: { path: ["intent", "id"], equals: intentId } },
    });
  else await applyPendingPaymentEvents(db, provider, t0);
  return { invoiceId, customerId, checkoutId: view.checkoutId, intentId };
}

const ledgerOf = async (invoiceId: string) => {
  const i = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { creditNotes: true } });
  return {
    status: i.status,
    paid: i.paidMinor,
    credited: i.creditedMinor,
    notes: i.creditNotes.map((n) => n.grossMinor),
  };
};

describe("refunds", () => {
  it("staff refund part of an online payment: the provider refunds once, a credit note for the amount, the invoice stays paid", async () => {
    const { invoiceId } = await paidOnline();
    const staff = await makeStaff(["BILLING"]);
    const payment = await db.payment.findFirstOrThrow({ where: { invoiceId } });
    const input = { paymentId: payment.id, amountMinor: 5000, reason: "Goodwill: outage on 3 Jan" };
    const refund = await refundPayment(db, provider, staff, input, "form-1", t0);
    expect(refund).toMatchObject({ status: "SUCCEEDED", amountMinor: 5000n, provider: "demo" });
    expect(refund.providerRefundId).toMatch(/^demo_re_/);
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 12275n,
      credited: 5000n,
      notes: [5000n],
    });
    const note = await db.creditNote.findUniqueOrThrow({ where: { id: refund.creditNoteId ?? "" } });
    expect(note.reason).toBe(input.reason);

    // The double click and the provider's own refund event find it done.
    expect((await refundPayment(db, provider, staff, input, "form-1", t0)).id).toBe(refund.id);
    expect(await applyPendingPaymentEvents(db, provider, t0)).toEqual(["unchanged"]);
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 12275n,
      credited: 5000n,
      notes: [5000n],
    });
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);

    // Never more than what is left of the payment; the same key with another amount is refused.
    expect(
      await codeOf(refundPayment(db, provider, staff, { ...input, amountMinor: 12276 }, "form-2", t0)),
    ).toBe("REFUND_EXCEEDS_PAYMENT");
    expect(
      await codeOf(refundPayment(db, provider, staff, { ...input, amountMinor: 10 }, "form-1", t0)),
    ).toBe("IDEMPOTENCY_KEY_REUSED");
    await refundPayment(db, provider, staff, { ...input, amountMinor: 12275 }, "form-3", t0);
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 0n,
      credited: 17275n,
      notes: [5000n, 12275n],
    });
    expect(await codeOf(refundPayment(db, provider, staff, { ...input, amountMinor: 1 }, "form-4", t0))).toBe(
      "REFUND_EXCEEDS_PAYMENT",
    );
    expect(
      await codeOf(
        refundPayment(db, provider, staff, { ...input, paymentId: crypto.randomUUID() }, "form-5", t0),
      ),
    ).toBe("NOT_FOUND");
  });

  it("two refunds racing for the rest of a payment: one passes, the other is refused", async () => {
    const { invoiceId } = await paidOnline();
    const staff = await makeStaff(["BILLING"]);
    const payment = await db.payment.findFirstOrThrow({ where: { invoiceId } });
    const input = { paymentId: payment.id, amountMinor: 10000, reason: "Duplicate order" };
    const results = await Promise.allSettled([
      refundPayment(db, provider, staff, input, "a", t0),
      refundPayment(db, provider, staff, input, "b", t0),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await ledgerOf(invoiceId)).toMatchObject({ paid: 7275n, credited: 10000n });
    // The loser was refused before anything was asked of the provider: one refund, there and here.
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await applyPendingPaymentEvents(db, provider, t0)).toEqual(["unchanged"]);
  });

  it("a refund the provider refuses is FAILED, writes no credit note and holds nothing back", async () => {
    const { invoiceId, intentId } = await paidOnline();
    const staff = await makeStaff(["BILLING"]);
    const payment = await db.payment.findFirstOrThrow({ where: { invoiceId } });
    // The demo bank refunds only a succeeded payment: make it refuse this one.
    await db.demoProviderIntent.update({ where: { id: intentId }, data: { status: "CANCELED" } });
    const input = { paymentId: payment.id, amountMinor: 17275, reason: "Refused" };
    expect(await codeOf(refundPayment(db, provider, staff, input, "refused", t0))).toBe("INVALID_TRANSITION");
    expect(await db.refund.findFirstOrThrow({ where: { paymentId: payment.id } })).toMatchObject({
      status: "FAILED",
      creditNoteId: null,
    });
    expect(await ledgerOf(invoiceId)).toEqual({ status: "PAID", paid: 17275n, credited: 0n, notes: [] });
    await db.demoProviderIntent.update({ where: { id: intentId }, data: { status: "SUCCEEDED" } });
    expect((await refundPayment(db, provider, staff, input, "again", t0)).status).toBe("SUCCEEDED");
  });

  it("a refund made in the provider's dashboard arrives as an event and does the same, once", async () => {
    const { invoiceId, intentId } = await paidOnline();
    const refund = {
      id: `re_dash_${crypto.randomUUID()}`,
      intentId,
      amountMinor: 2000,
      currency: "EUR",
      status: "SUCCEEDED" as const,
      metadata: {},
      created: t0,
    };
    const event = { id: `evt_${refund.id}`, created: t0, type: "refund" as const, refund };
    await storePaymentEvent(db, "demo", event, t0);
    expect(await storePaymentEvent(db, "demo", event, t0)).toBe("duplicate");
    expect(await applyPendingPaymentEvents(db, provider, t0)).toEqual(["applied"]);
    // The same refund reported again under another event id (refund.updated after refund.created).
    await storePaymentEvent(db, "demo", { ...event, id: `evt2_${refund.id}` }, t0);
    expect(await applyPendingPaymentEvents(db, provider, t0)).toEqual(["unchanged"]);
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 15275n,
      credited: 2000n,
      notes: [2000n],
    });
    const row = await db.refund.findUniqueOrThrow({ where: { providerRefundId: refund.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", requestedById: null, amountMinor: 2000n });
  });

  it("a payment received by transfer is refunded by transfer: the app records it with its credit note, no provider call", async () => {
    const { invoiceId, staff } = await makeOpenInvoice();
    const { paymentId } = await recordPayment(
      db,
      staff,
      invoiceId,
      {
        amountMinor: 17275,
        method: "TRANSFER",
        reference: "VIR-1",
        receivedOn: "2026-01-20" as CalendarDate,
      },
      t0,
    );
    const refund = await refundPayment(
      db,
      provider,
      staff,
      { paymentId, amountMinor: 275, reason: "Overbilled" },
      "k",
      t0,
    );
    expect(refund).toMatchObject({ status: "SUCCEEDED", provider: null, providerRefundId: null });
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 17000n,
      credited: 275n,
      notes: [275n],
    });
  });
});

describe("reconciliation", () => {
  it("settles a payment whose webhook was lost, once, and records the run", async () => {
    const { invoiceId, checkoutId, intentId } = await paidOnline({ lose: true });
    expect((await ledgerOf(invoiceId)).status).toBe("OPEN");
    const first = await reconcilePayments(db, provider, new Date());
    expect(first.findings).toContainEqual({
      kind: "SETTLED_LOST_WEBHOOK",
      intentId,
      checkoutId,
      amountMinor: 17275,
      currency: "EUR",
    });
    expect(await ledgerOf(invoiceId)).toMatchObject({ status: "PAID", paid: 17275n });
    const second = await reconcilePayments(db, provider, new Date());
    expect(second.findings.filter((f) => f.intentId === intentId)).toEqual([]);
    expect(await db.payment.count({ where: { invoiceId } })).toBe(1);
    const run = await db.reconciliationRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", provider: "demo" });
    expect((run.counts as { settled: number }).settled).toBeGreaterThanOrEqual(1);
  });
});
