import { afterAll, describe, expect, inject, it } from "vitest";
import { paymentEventJobId } from "@/server/jobs/handlers/payment-event-apply";
import { startJobQueue } from "@/server/jobs/job-queue";
import { JOB } from "@/server/jobs/job-names";
import { applyPaymentEvent, PaymentEventNotReady } from "@/server/payments/apply-payment-event";
import { startCheckout } from "@/server/payments/start-checkout";
import { makeCustomerActor, makeOpenInvoice } from "../support/payments";
import { stripeHarness } from "../support/stripe-harness";

// Stripe's webhooks as they really come: repeated, out of order, forged, or ahead of what they
// report; each applied once through the inbox (tests/support/stripe-harness.ts).
const t0 = new Date("2026-02-01T10:00:00Z");
const { stub, db, provider, post, deliver, intentOfCheckout, close } = await stripeHarness(t0);

afterAll(close);

describe("Stripe webhooks", () => {
  it("applies an event delivered twice (or applied by two workers at once) once: one payment per invoice", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const intentId = await intentOfCheckout(view.checkoutId);
    const payload = stub.event("payment_intent.succeeded", stub.succeed(intentId));
    const first = await post(payload, stub.sign(payload));
    const second = await post(payload, stub.sign(payload));
    expect([first.status, first.body.duplicate, second.status, second.body.duplicate]).toEqual([
      200,
      false,
      200,
      true,
    ]);
    const eventId = JSON.parse(payload).id as string;
    const rows = await db.paymentWebhookEvent.findMany({ where: { eventId } });
    expect(rows).toHaveLength(1);
    const inboxId = rows[0]?.id ?? 0n;
    const outcomes = await Promise.all([1, 2, 3].map(() => applyPaymentEvent(db, provider, inboxId, t0)));
    expect(outcomes.sort()).toEqual(["already-processed", "already-processed", "settled"]);
    // Another event reporting the same success (Stripe may send several) changes nothing either.
    expect((await deliver("payment_intent.succeeded", stub.intent(intentId))).outcome).toBe("unchanged");
    expect(await db.payment.count({ where: { invoiceId } })).toBe(1);
    expect(await db.paymentWebhookEvent.findUniqueOrThrow({ where: { id: inboxId } })).toMatchObject({
      processedAt: t0,
      attempts: 1,
    });
  });

  it("keeps a paid invoice paid when a failure arrives late, and a success that beats requires_action wins", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const intentId = await intentOfCheckout(view.checkoutId);
    const now = Math.floor(Date.now() / 1000);
    const failedObject = structuredClone(stub.fail(intentId));
    const requiresAction = structuredClone(stub.requireAction(intentId));
    await deliver("payment_intent.succeeded", stub.succeed(intentId), { created: now + 10 });
    expect(
      (await deliver("payment_intent.requires_action", requiresAction, { created: now + 5 })).outcome,
    ).toBe("unchanged");
    expect((await deliver("payment_intent.payment_failed", failedObject, { created: now + 2 })).outcome).toBe(
      "unchanged",
    );
    expect(
      (await deliver("payment_intent.payment_failed", failedObject, { created: now + 20 })).outcome,
    ).toBe("unchanged");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("PAID");
    expect(await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } })).toMatchObject({
      status: "SUCCEEDED",
      failureCode: null,
    });
    expect(
      await db.outboundEmail.count({
        where: { template: "paymentFailed", dedupeKey: { startsWith: `payment-failed:${view.checkoutId}` } },
      }),
    ).toBe(0);
  });

  it("finds the checkout by our metadata when the success beats the recording of the intent's id", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const intentId = await intentOfCheckout(view.checkoutId);
    await db.checkout.update({ where: { id: view.checkoutId }, data: { providerIntentId: null } });
    expect((await deliver("payment_intent.succeeded", stub.succeed(intentId))).outcome).toBe("settled");
    expect(await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } })).toMatchObject({
      providerIntentId: intentId,
      status: "SUCCEEDED",
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("PAID");
    // An intent that is none of ours (another integration on the same account) changes nothing.
    const foreign = { ...stub.intent(intentId), id: "pi_not_ours", metadata: {} };
    expect((await deliver("payment_intent.succeeded", foreign)).outcome).toBe("unknown");
  });

  it("refuses a bad signature with 400 and stores nothing; another provider's path is 404", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const payload = stub.event(
      "payment_intent.succeeded",
      stub.succeed(await intentOfCheckout(view.checkoutId)),
    );
    const eventId = JSON.parse(payload).id as string;
    expect((await post(payload, stub.sign(payload, "whsec_someone_else"))).status).toBe(400);
    expect((await post(payload, null)).status).toBe(400);
    expect((await post(payload.replace("17275", "1"), stub.sign(payload))).status).toBe(400);
    expect((await post(payload, stub.sign(payload), "demo")).status).toBe(404);
    expect(await db.paymentWebhookEvent.count({ where: { eventId } })).toBe(0);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("OPEN");
  });

  it("keeps a refund that arrives before its payment's success in the inbox, failing its job so it is retried", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const intentId = await intentOfCheckout(view.checkoutId);
    const refund = {
      id: "re_early_1",
      object: "refund",
      amount: 17275,
      currency: "eur",
      payment_intent: intentId,
      status: "succeeded",
      metadata: {},
      created: Math.floor(Date.now() / 1000),
    };
    const payload = stub.event("refund.created", refund);
    expect((await post(payload, stub.sign(payload))).status).toBe(200);
    const row = await db.paymentWebhookEvent.findFirstOrThrow({ where: { eventId: JSON.parse(payload).id } });
    await expect(applyPaymentEvent(db, provider, row.id, t0)).rejects.toBeInstanceOf(PaymentEventNotReady);
    expect(await db.paymentWebhookEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      processedAt: null,
      attempts: 1,
      lastError: expect.stringContaining("not settled yet"),
    });
  });

  it("the worker retries such an event with backoff, through pg-boss, without applying it", async () => {
    const queue = await startJobQueue(inject("databaseUrl"), {
      pollingIntervalSeconds: 0.5,
      poolSize: 3,
      paymentRetryDelaySeconds: 1,
      paymentProvider: () => provider,
    });
    try {
      const { invoiceId, customerId } = await makeOpenInvoice();
      const view = await startCheckout(
        db,
        provider,
        await makeCustomerActor(customerId),
        { invoiceIds: [invoiceId], saveMethod: false },
        t0,
      );
      const refund = {
        id: "re_early_2",
        object: "refund",
        amount: 100,
        currency: "eur",
        payment_intent: await intentOfCheckout(view.checkoutId),
        status: "succeeded",
        metadata: {},
        created: Math.floor(Date.now() / 1000),
      };
      const payload = stub.event("refund.created", refund);
      expect((await post(payload, stub.sign(payload))).status).toBe(200);
      const row = await db.paymentWebhookEvent.findFirstOrThrow({
        where: { eventId: JSON.parse(payload).id },
      });
      // Waits for a second attempt (the deadline only keeps a broken worker from hanging the run).
      const deadline = Date.now() + 45_000;
      const attempts = async () =>
        (await db.paymentWebhookEvent.findUniqueOrThrow({ where: { id: row.id } })).attempts;
      while ((await attempts()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await attempts()).toBeGreaterThanOrEqual(2);
      const job = await queue.boss.getJobById(JOB.applyPaymentEvent, paymentEventJobId(row.id.toString()));
      expect(job?.retryCount).toBeGreaterThanOrEqual(1);
      expect(await db.paymentWebhookEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        processedAt: null,
        lastError: expect.stringContaining("not settled yet"),
      });
      expect(await db.payment.count({ where: { invoiceId } })).toBe(0);
    } finally {
      await queue.stop();
    }
  });
});
