import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { applyPaymentEvent, PaymentEventNotReady } from "@/server/payments/apply-payment-event";
import {
  activePaymentProvider,
  providerFrom,
  providerInfoFrom,
  setPaymentProviderForTests,
} from "@/server/payments/payment-providers";
import { removePaymentMethod } from "@/server/payments/remove-payment-method";
import { setDefaultPaymentMethod } from "@/server/payments/set-default-payment-method";
import { startCheckout } from "@/server/payments/start-checkout";
import { startMethodSetup } from "@/server/payments/start-method-setup";
import { POST as webhook } from "@/app/api/payments/webhook/[provider]/route";
import { codeOf } from "../support/helpers";
import { makeCustomerActor, makeOpenInvoice } from "../support/payments";
import { STUB_WEBHOOK_SECRET, startStripeStub } from "../support/stripe-stub";

// The Stripe path, end to end without network: the real `stripe` client talks to a local stub of
// the API, and webhook events signed with the library's test helper go through the real route.
// The settings are those a Stripe installation has; the environment is read once per process, so
// this file installs the provider they choose as the active one.
const stub = await startStripeStub();
const settings = {
  STRIPE_SECRET_KEY: "sk_test_stub",
  STRIPE_PUBLISHABLE_KEY: "pk_test_stub",
  STRIPE_WEBHOOK_SECRET: STUB_WEBHOOK_SECRET,
  STRIPE_API_BASE: stub.url,
};
const db = getDb();
setPaymentProviderForTests(providerFrom(db, settings));
const provider = activePaymentProvider(db);
const publishableKey = providerInfoFrom(settings).publishableKey;
const t0 = new Date("2026-02-01T10:00:00Z");

afterAll(async () => {
  setPaymentProviderForTests(null);
  await stub.close();
});

async function post(body: string, signature: string | null, name = "stripe") {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["Stripe-Signature"] = signature;
  const res = await webhook(
    new Request(`http://comptoir.test/api/payments/webhook/${name}`, { method: "POST", body, headers }),
    { params: Promise.resolve({ provider: name }) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Stripe delivers an event; the worker applies it (here called directly, as its job does). */
async function deliver(
  type: string,
  object: Record<string, unknown> & { id: string },
  options: { id?: string; created?: number } = {},
) {
  const payload = stub.event(type, object, options);
  const res = await post(payload, stub.sign(payload));
  expect(res.status).toBe(200);
  const eventId = JSON.parse(payload).id as string;
  const row = await db.paymentWebhookEvent.findUniqueOrThrow({
    where: { provider_eventId: { provider: "stripe", eventId } },
  });
  return {
    eventId,
    inboxId: row.id,
    outcome: await applyPaymentEvent(db, provider, row.id, t0),
    response: res.body,
  };
}

const intentOfCheckout = async (checkoutId: string) =>
  (await db.checkout.findUniqueOrThrow({ where: { id: checkoutId } })).providerIntentId ?? "";

describe("paying online through Stripe", () => {
  it("is chosen when STRIPE_SECRET_KEY is set, with its publishable key; the demo provider otherwise", () => {
    expect(provider.name).toBe("stripe");
    expect(providerInfoFrom(settings)).toEqual({ name: "stripe", publishableKey: "pk_test_stub" });
    expect(providerFrom(db, {}).name).toBe("demo");
    expect(providerInfoFrom({})).toEqual({ name: "demo", publishableKey: null });
  });

  it("pays an invoice by card: the intent is created once, the success settles it, a receipt goes out", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(
      db,
      provider,
      actor,
      { invoiceIds: [invoiceId], saveMethod: false },
      t0,
      { publishableKey },
    );
    expect(view).toMatchObject({
      provider: "stripe",
      status: "CREATED",
      amountMinor: 17275,
      currency: "EUR",
      publishableKey: "pk_test_stub",
      payUrl: `/portal/checkouts/${view.checkoutId}`,
    });
    const intentId = await intentOfCheckout(view.checkoutId);
    expect(view.clientSecret).toBe(`${intentId}_secret_stub`);
    const createCall = stub.requests.find(
      (r) =>
        r.path === "/v1/payment_intents" &&
        r.method === "POST" &&
        (r.body.metadata as Record<string, string>)?.checkoutId === view.checkoutId,
    );
    expect(createCall).toMatchObject({
      idempotencyKey: expect.stringMatching(/^checkout_[0-9a-f]{64}$/),
      body: {
        amount: "17275",
        currency: "eur",
        allowed_payment_method_types: { 0: "card", 1: "sepa_debit" },
      },
    });

    const applied = await deliver(
      "payment_intent.succeeded",
      stub.succeed(intentId, { brand: "visa", last4: "4242" }),
    );
    expect(applied.outcome).toBe("settled");
    const invoice = await db.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      include: { payments: true },
    });
    expect(invoice.status).toBe("PAID");
    expect(invoice.payments).toHaveLength(1);
    expect(invoice.payments[0]).toMatchObject({
      amountMinor: 17275n,
      method: "CARD",
      reference: intentId,
      checkoutId: view.checkoutId,
    });
    expect(await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } })).toMatchObject({
      status: "SUCCEEDED",
      settledAt: t0,
    });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const receipts = await db.outboundEmail.findMany({
      where: { toAddress: customer.billingEmail, template: "paymentReceipt" },
    });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain("Visa •••• 4242");
    expect(receipts[0]?.text).toContain(invoice.number ?? "?");
  });

  it("a declined card leaves the invoice open and tells the customer; paying again reuses the same intent", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const first = await startCheckout(
      db,
      provider,
      actor,
      { invoiceIds: [invoiceId], saveMethod: false },
      t0,
    );
    const intentId = await intentOfCheckout(first.checkoutId);
    expect(
      (await deliver("payment_intent.payment_failed", stub.fail(intentId, "card_declined"))).outcome,
    ).toBe("applied");
    expect(await db.checkout.findUniqueOrThrow({ where: { id: first.checkoutId } })).toMatchObject({
      status: "FAILED",
      failureCode: "card_declined",
      settledAt: null,
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("OPEN");
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const failed = await db.outboundEmail.findMany({
      where: { toAddress: customer.billingEmail, template: "paymentFailed" },
    });
    expect(failed).toHaveLength(1);
    expect(failed[0]?.text).toContain("http://comptoir.test/portal/invoices");

    const intentsBefore = stub.created("payment_intent").length;
    const again = await startCheckout(
      db,
      provider,
      actor,
      { invoiceIds: [invoiceId], saveMethod: false },
      t0,
    );
    expect(again.checkoutId).toBe(first.checkoutId);
    expect(stub.created("payment_intent")).toHaveLength(intentsBefore);
    await deliver("payment_intent.succeeded", stub.succeed(intentId), {
      created: Math.floor(Date.now() / 1000) + 5,
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("PAID");
  });

  it("asks for authentication, then succeeds", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const intentId = await intentOfCheckout(view.checkoutId);
    const now = Math.floor(Date.now() / 1000);
    await deliver("payment_intent.requires_action", stub.requireAction(intentId), { created: now });
    expect((await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } })).status).toBe(
      "REQUIRES_ACTION",
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("OPEN");
    await deliver("payment_intent.succeeded", stub.succeed(intentId), { created: now + 1 });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("PAID");
  });

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

  it("a double-clicked Pay makes one checkout and one intent at Stripe", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const intentsBefore = stub.created("payment_intent").length;
    const customersBefore = stub.created("customer").length;
    const views = await Promise.all(
      [1, 2, 3].map(() =>
        startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0),
      ),
    );
    expect(new Set(views.map((v) => v.checkoutId)).size).toBe(1);
    expect(new Set(views.map((v) => v.clientSecret)).size).toBe(1);
    expect(await db.checkout.count({ where: { customerId } })).toBe(1);
    expect(stub.created("payment_intent").length - intentsBefore).toBe(1);
    expect(stub.created("customer").length - customersBefore).toBe(1);
    expect(await db.providerCustomer.count({ where: { customerId } })).toBe(1);
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

  it("does not let a customer pay another company's invoice (NOT_FOUND), nor mix it with their own", async () => {
    const mine = await makeOpenInvoice();
    const theirs = await makeOpenInvoice();
    const actor = await makeCustomerActor(mine.customerId);
    const before = stub.requests.length;
    expect(
      await codeOf(
        startCheckout(db, provider, actor, { invoiceIds: [theirs.invoiceId], saveMethod: false }, t0),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        startCheckout(
          db,
          provider,
          actor,
          { invoiceIds: [mine.invoiceId, theirs.invoiceId], saveMethod: false },
          t0,
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(stub.requests.length).toBe(before);
    expect(
      await db.checkout.count({ where: { customerId: { in: [mine.customerId, theirs.customerId] } } }),
    ).toBe(0);
  });

  it("saves the method when asked, as the first and default one; the customer can remove it (detached at Stripe)", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: true }, t0);
    const intentId = await intentOfCheckout(view.checkoutId);
    expect(stub.intent(intentId).setup_future_usage).toBe("off_session");
    await deliver("payment_intent.succeeded", stub.succeed(intentId, { brand: "mastercard", last4: "4444" }));
    const [saved] = await db.savedPaymentMethod.findMany({ where: { customerId } });
    expect(saved).toMatchObject({
      provider: "stripe",
      kind: "CARD",
      brand: "mastercard",
      last4: "4444",
      expMonth: 12,
      expYear: 2030,
      isDefault: true,
      removedAt: null,
    });

    // A second method through a setup intent: saved, not default until chosen.
    const setup = await startMethodSetup(db, provider, actor, t0);
    expect(setup).toMatchObject({ provider: "stripe", clientSecret: `${setup.setupId}_secret_stub` });
    const pm = stub.succeed(
      (
        await startCheckout(
          db,
          provider,
          actor,
          { invoiceIds: [(await makeOpenInvoice({ customerId })).invoiceId], saveMethod: false },
          t0,
        )
      ).clientSecret?.split("_secret")[0] ?? "",
      { last4: "1881" },
    ).payment_method as string;
    const setupIntent = {
      id: setup.setupId,
      object: "setup_intent",
      customer: (await db.providerCustomer.findFirstOrThrow({ where: { customerId } })).providerCustomerId,
      payment_method: pm,
      status: "succeeded",
      metadata: { customerId },
    };
    expect((await deliver("setup_intent.succeeded", setupIntent)).outcome).toBe("applied");
    const second = await db.savedPaymentMethod.findFirstOrThrow({ where: { customerId, last4: "1881" } });
    expect(second.isDefault).toBe(false);

    const stranger = await makeCustomerActor();
    expect(await codeOf(setDefaultPaymentMethod(db, stranger, { methodId: second.id }, t0))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(removePaymentMethod(db, provider, stranger, { methodId: second.id }, t0))).toBe(
      "NOT_FOUND",
    );
    await setDefaultPaymentMethod(db, actor, { methodId: second.id }, t0);
    expect(
      (await db.savedPaymentMethod.findMany({ where: { customerId, isDefault: true } })).map((m) => m.id),
    ).toEqual([second.id]);
    await removePaymentMethod(db, provider, actor, { methodId: second.id }, t0);
    expect(
      stub.requests.some((r) => r.method === "POST" && r.path === `/v1/payment_methods/${pm}/detach`),
    ).toBe(true);
    expect(await db.savedPaymentMethod.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      removedAt: t0,
      isDefault: false,
    });
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
});
