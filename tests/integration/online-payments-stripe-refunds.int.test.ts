import { afterAll, describe, expect, it } from "vitest";
import { refundPayment } from "@/server/payments/refund-payment";
import { startCheckout } from "@/server/payments/start-checkout";
import { makeStaff } from "../support/factories";
import { makeCustomerActor, makeOpenInvoice } from "../support/payments";
import { stripeHarness } from "../support/stripe-harness";

// Refunds at Stripe, both directions, through the real client and signed webhooks (stub, no network).
const t0 = new Date("2026-02-01T10:00:00Z");
const { stub, db, provider, deliver, intentOfCheckout, close } = await stripeHarness(t0);

afterAll(close);

async function paidByCard() {
  const { invoiceId, customerId } = await makeOpenInvoice();
  const actor = await makeCustomerActor(customerId);
  const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
  const intentId = await intentOfCheckout(view.checkoutId);
  expect((await deliver("payment_intent.succeeded", stub.succeed(intentId))).outcome).toBe("settled");
  const payment = await db.payment.findFirstOrThrow({ where: { invoiceId } });
  return { invoiceId, intentId, payment };
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

describe("refunds at Stripe", () => {
  it("staff refund part of a card payment: one refund at Stripe (idempotency key, our id in metadata), its event then changes nothing", async () => {
    const { invoiceId, intentId, payment } = await paidByCard();
    const staff = await makeStaff(["BILLING"]);
    const input = { paymentId: payment.id, amountMinor: 5000, reason: "Goodwill" };
    const [a, b] = await Promise.all([
      refundPayment(db, provider, staff, input, "click", t0),
      refundPayment(db, provider, staff, input, "click", t0),
    ]);
    expect(a.id).toBe(b.id);
    const calls = stub.requests.filter((r) => r.path === "/v1/refunds" && r.body.payment_intent === intentId);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([a.idempotencyKey]));
    expect(calls[0]?.body).toMatchObject({ amount: "5000", metadata: { refundId: a.id } });
    const stripeRefunds = stub.created("refund").filter((r) => r.payment_intent === intentId);
    expect(stripeRefunds).toHaveLength(1);
    expect(a.providerRefundId).toBe(stripeRefunds[0]?.id);
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 12275n,
      credited: 5000n,
      notes: [5000n],
    });
    const refundObject = stripeRefunds[0] as (typeof stripeRefunds)[number];
    expect((await deliver("refund.created", refundObject)).outcome).toBe("unchanged");
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 12275n,
      credited: 5000n,
      notes: [5000n],
    });
  });

  it("a refund made in Stripe's dashboard arrives by webhook: the refund and its credit note, once", async () => {
    const { invoiceId, intentId } = await paidByCard();
    const refund = {
      id: `re_dashboard_${Date.now()}`,
      object: "refund",
      amount: 17275,
      currency: "eur",
      payment_intent: intentId,
      status: "succeeded",
      metadata: {},
      created: Math.floor(t0.getTime() / 1000),
    };
    expect((await deliver("refund.created", refund)).outcome).toBe("applied");
    expect((await deliver("charge.refund.updated", refund)).outcome).toBe("unchanged");
    expect(await ledgerOf(invoiceId)).toEqual({
      status: "PAID",
      paid: 0n,
      credited: 17275n,
      notes: [17275n],
    });
    expect(await db.refund.findUniqueOrThrow({ where: { providerRefundId: refund.id } })).toMatchObject({
      status: "SUCCEEDED",
      provider: "stripe",
      requestedById: null,
    });
  });
});
