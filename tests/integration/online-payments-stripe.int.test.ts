import { afterAll, describe, expect, it } from "vitest";
import { providerFrom, providerInfoFrom } from "@/server/payments/payment-providers";
import { removePaymentMethod } from "@/server/payments/remove-payment-method";
import { setDefaultPaymentMethod } from "@/server/payments/set-default-payment-method";
import { startCheckout } from "@/server/payments/start-checkout";
import { startMethodSetup } from "@/server/payments/start-method-setup";
import { codeOf } from "../support/helpers";
import { makeCustomerActor, makeOpenInvoice } from "../support/payments";
import { stripeHarness } from "../support/stripe-harness";

// Paying through Stripe, against the local stub of its API (tests/support/stripe-harness.ts).
const t0 = new Date("2026-02-01T10:00:00Z");
const { stub, settings, db, provider, publishableKey, deliver, intentOfCheckout, close } =
  await stripeHarness(t0);

afterAll(close);

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
});
