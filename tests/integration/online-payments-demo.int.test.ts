import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { type JobQueue, startJobQueue } from "@/server/jobs/job-queue";
import {
  authenticateDemoCheckout,
  confirmDemoCheckout,
  confirmDemoIntent,
  demoIntentStatus,
} from "@/server/payments/confirm-demo-intent";
import { getCheckout } from "@/server/payments/get-checkout";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { startCheckout } from "@/server/payments/start-checkout";
import { startMethodSetup } from "@/server/payments/start-method-setup";
import { makeCustomer, makeProducts, makeSubscription } from "../support/factories";
import { codeOf } from "../support/helpers";
import { applyPendingPaymentEvents, makeCustomerActor, makeOpenInvoice } from "../support/payments";

// Without STRIPE_SECRET_KEY (the test environment has none) the demo provider is the active one: its
// intents live in the database and it reports outcomes through the same inbox as Stripe's webhook.
const db = getDb();
const provider = activePaymentProvider(db);
const t0 = new Date("2026-02-01T10:00:00Z");

const running: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((q) => q.stop()));
});

beforeEach(async () => {
  await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
});

async function checkoutFor(invoiceIds: string[], customerId: string, saveMethod = false) {
  const actor = await makeCustomerActor(customerId);
  const view = await startCheckout(db, provider, actor, { invoiceIds, saveMethod }, t0);
  const checkout = await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } });
  return { view, intentId: checkout.providerIntentId ?? "", secret: view.clientSecret ?? "", actor };
}

const status = async (invoiceId: string) =>
  (await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status;

describe("paying online with the demo provider", () => {
  it("is the active provider without Stripe keys, and pays with its succeeding test card", async () => {
    expect(provider.name).toBe("demo");
    const { invoiceId, customerId } = await makeOpenInvoice();
    const { view, intentId, secret } = await checkoutFor([invoiceId], customerId);
    expect(view).toMatchObject({
      provider: "demo",
      publishableKey: null,
      status: "CREATED",
      payUrl: `/portal/checkouts/${view.checkoutId}`,
    });
    expect(secret).toMatch(new RegExp(`^${intentId}_secret_[0-9a-f]{32}$`));
    expect(
      await codeOf(
        confirmDemoIntent(db, { intentId, clientSecret: "wrong", number: "4242424242424242" }, t0),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        confirmDemoIntent(db, { intentId, clientSecret: secret, number: "5555 5555 5555 4444" }, t0),
      ),
    ).toBe("VALIDATION_FAILED");
    expect(
      (await confirmDemoIntent(db, { intentId, clientSecret: secret, number: "4242 4242 4242 4242" }, t0))
        .status,
    ).toBe("SUCCEEDED");
    expect(await applyPendingPaymentEvents(db, provider, t0)).toEqual(["settled"]);
    expect(await status(invoiceId)).toBe("PAID");
    const [payment] = await db.payment.findMany({ where: { invoiceId } });
    expect(payment).toMatchObject({ method: "CARD", amountMinor: 17275n, checkoutId: view.checkoutId });
    // Only the last 4 digits were kept.
    const stored = await db.demoProviderIntent.findUniqueOrThrow({ where: { id: intentId } });
    expect(stored.last4).toBe("4242");
    expect(JSON.stringify(stored, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      "4242424242424242",
    );
  });

  it("declines 0002, then asks 3155 to authenticate and succeeds once approved (the checkout's own pages)", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const { view, intentId, actor } = await checkoutFor([invoiceId], customerId);
    const stranger = await makeCustomerActor();
    const input = { checkoutId: view.checkoutId, number: "4000000000000002" };
    expect(await codeOf(confirmDemoCheckout(db, stranger, input, t0))).toBe("NOT_FOUND");
    expect(await codeOf(getCheckout(db, provider, stranger, view.checkoutId, t0))).toBe("NOT_FOUND");
    expect((await confirmDemoCheckout(db, actor, input, t0)).failureCode).toBe("card_declined");
    await applyPendingPaymentEvents(db, provider, t0);
    expect(await getCheckout(db, provider, actor, view.checkoutId, t0)).toMatchObject({
      status: "FAILED",
      clientSecret: view.clientSecret,
    });
    expect((await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } })).failureCode).toBe(
      "card_declined",
    );
    expect(await status(invoiceId)).toBe("OPEN");

    const later = new Date(t0.getTime() + 60_000);
    const again = { checkoutId: view.checkoutId, number: "4000 0025 0000 3155" };
    expect((await confirmDemoCheckout(db, actor, again, later)).status).toBe("REQUIRES_ACTION");
    await applyPendingPaymentEvents(db, provider, later);
    expect((await db.checkout.findUniqueOrThrow({ where: { id: view.checkoutId } })).status).toBe(
      "REQUIRES_ACTION",
    );
    expect(
      await codeOf(confirmDemoCheckout(db, actor, { ...again, number: "4242424242424242" }, later)),
    ).toBe("INVALID_TRANSITION");
    expect(
      await codeOf(
        authenticateDemoCheckout(db, stranger, { checkoutId: view.checkoutId, approve: true }, later),
      ),
    ).toBe("NOT_FOUND");
    await authenticateDemoCheckout(
      db,
      actor,
      { checkoutId: view.checkoutId, approve: true },
      new Date(later.getTime() + 1000),
    );
    await applyPendingPaymentEvents(db, provider, later);
    expect(await status(invoiceId)).toBe("PAID");
    expect((await demoIntentStatus(db, intentId))?.status).toBe("SUCCEEDED");
    expect(await getCheckout(db, provider, actor, view.checkoutId, later)).toMatchObject({
      status: "SUCCEEDED",
      clientSecret: null,
    });
  });

  it("pays by SEPA debit: processing first, then paid, recorded as a bank debit", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const { intentId, secret } = await checkoutFor([invoiceId], customerId);
    await confirmDemoIntent(
      db,
      { intentId, clientSecret: secret, number: "DE89 3704 0044 0532 0130 00" },
      t0,
    );
    expect(await applyPendingPaymentEvents(db, provider, t0)).toEqual(["applied", "settled"]);
    expect(await status(invoiceId)).toBe("PAID");
    expect((await db.payment.findFirstOrThrow({ where: { invoiceId } })).method).toBe("BANK_DEBIT");
  });

  it("pays several invoices at once: oldest due first, each paid, one receipt naming them all", async () => {
    const customer = await makeCustomer();
    const newer = await makeOpenInvoice({
      customerId: customer.id,
      issuedAt: new Date("2026-01-20T09:00:00Z"),
    });
    const older = await makeOpenInvoice({
      customerId: customer.id,
      issuedAt: new Date("2026-01-05T09:00:00Z"),
    });
    const { view, intentId, secret } = await checkoutFor([newer.invoiceId, older.invoiceId], customer.id);
    expect(view.amountMinor).toBe(2 * 17275);
    const planned = await db.checkoutInvoice.findMany({ where: { checkoutId: view.checkoutId } });
    expect(planned.map((p) => p.amountMinor)).toEqual([17275n, 17275n]);
    await confirmDemoIntent(db, { intentId, clientSecret: secret, number: "4242424242424242" }, t0);
    await applyPendingPaymentEvents(db, provider, t0);
    expect([await status(older.invoiceId), await status(newer.invoiceId)]).toEqual(["PAID", "PAID"]);
    const payments = await db.payment.findMany({ where: { checkoutId: view.checkoutId } });
    expect(new Map(payments.map((p) => [p.invoiceId, p.amountMinor]))).toEqual(
      new Map([
        [older.invoiceId, 17275n],
        [newer.invoiceId, 17275n],
      ]),
    );
    const receipts = await db.outboundEmail.findMany({
      where: { toAddress: customer.billingEmail, template: "paymentReceipt" },
    });
    expect(receipts).toHaveLength(1);
    const numbers = await db.invoice.findMany({
      where: { id: { in: [older.invoiceId, newer.invoiceId] } },
      select: { number: true },
    });
    for (const n of numbers) expect(receipts[0]?.subject).toContain(n.number ?? "?");
  });

  it("never forces money onto an invoice paid meanwhile by transfer: the rest is reported for a refund", async () => {
    const customer = await makeCustomer();
    const a = await makeOpenInvoice({ customerId: customer.id, issuedAt: new Date("2026-01-05T09:00:00Z") });
    const b = await makeOpenInvoice({ customerId: customer.id, issuedAt: new Date("2026-01-20T09:00:00Z") });
    const { view, intentId, secret } = await checkoutFor([a.invoiceId, b.invoiceId], customer.id);
    await recordPayment(
      db,
      a.staff,
      a.invoiceId,
      { amountMinor: 17275, method: "TRANSFER", reference: "VIR-1", receivedOn: "2026-02-01" },
      t0,
    );
    await confirmDemoIntent(db, { intentId, clientSecret: secret, number: "4242424242424242" }, t0);
    await applyPendingPaymentEvents(db, provider, t0);
    expect([await status(a.invoiceId), await status(b.invoiceId)]).toEqual(["PAID", "PAID"]);
    expect(
      (await db.payment.findMany({ where: { checkoutId: view.checkoutId } })).map((p) => [
        p.invoiceId,
        p.amountMinor,
      ]),
    ).toEqual([[b.invoiceId, 17275n]]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "payment.unallocated", targetId: view.checkoutId },
    });
    expect(audit.details).toMatchObject({ unallocatedMinor: 17275, amountMinor: 34550, currency: "EUR" });
  });

  it("brings a suspended service back when its invoice is paid online", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const sub = await makeSubscription(customer.id, server.id, "2026-11-01", "2026-12-01");
    for (let day = "2026-11-17" as CalendarDate; day <= "2026-12-03"; day = addDays(day, 1)) {
      const run = await startBillingRun(
        db,
        { asOf: day, dryRun: false, requestedBy: "test" },
        day,
        new Date(`${day}T05:00:00Z`),
        true,
      );
      await executeBillingRun(db, run.id, () => new Date(`${day}T05:00:00Z`));
    }
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("SUSPENDED");
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id, status: "OPEN" } });
    const { intentId, secret } = await checkoutFor([invoice.id], customer.id);
    const paidAt = new Date("2026-12-04T10:00:00Z");
    await confirmDemoIntent(db, { intentId, clientSecret: secret, number: "4242424242424242" }, paidAt);
    await applyPendingPaymentEvents(db, provider, paidAt);
    expect(await status(invoice.id)).toBe("PAID");
    const back = await db.subscription.findUniqueOrThrow({
      where: { id: sub.id },
      include: { history: { orderBy: { at: "asc" } } },
    });
    expect(back.status).toBe("ACTIVE");
    expect(back.history.map((h) => h.toStatus)).toEqual(["SUSPENDED", "ACTIVE"]);
  });

  it("saves a method through a setup: the first one becomes the default, once however often reported", async () => {
    const customer = await makeCustomer();
    const actor = await makeCustomerActor(customer.id);
    const setup = await startMethodSetup(db, provider, actor, t0, "form-1");
    expect(await startMethodSetup(db, provider, actor, t0, "form-1")).toEqual(setup);
    await confirmDemoIntent(
      db,
      { intentId: setup.setupId, clientSecret: setup.clientSecret, number: "4242424242424242" },
      t0,
    );
    expect(await applyPendingPaymentEvents(db, provider, t0)).toEqual(["applied"]);
    const methods = await db.savedPaymentMethod.findMany({ where: { customerId: customer.id } });
    expect(methods).toHaveLength(1);
    expect(methods[0]).toMatchObject({
      provider: "demo",
      kind: "CARD",
      brand: "visa",
      last4: "4242",
      isDefault: true,
    });

    // Off-session (as autopay will charge it): that saved method pays without the customer.
    const intent = await provider.createIntent({
      amountMinor: 500,
      currency: "EUR",
      customerRef: `demo_cus_${customer.id}`,
      methodKinds: ["CARD"],
      method: methods[0]?.providerMethodId ?? "",
      offSession: true,
      metadata: {},
      idempotencyKey: `test-off-session-${customer.id}`,
    });
    expect(intent).toMatchObject({
      status: "SUCCEEDED",
      methodId: methods[0]?.providerMethodId,
      method: { last4: "4242" },
    });
    await applyPendingPaymentEvents(db, provider, t0); // an intent of no checkout of ours: nothing happens
  });

  it("in production the worker hears the event at commit and applies it through its job", async () => {
    const queue = await startJobQueue(inject("databaseUrl"), {
      pollingIntervalSeconds: 0.5,
      poolSize: 3,
      paymentProvider: () => provider,
    });
    running.push(queue);
    const { invoiceId, customerId } = await makeOpenInvoice();
    const { intentId, secret } = await checkoutFor([invoiceId], customerId);
    await confirmDemoIntent(db, { intentId, clientSecret: secret, number: "4242424242424242" }, new Date());
    // Waits for the worker (no timing asserted: the deadline only keeps a broken worker from hanging the run).
    const deadline = Date.now() + 30_000;
    while ((await status(invoiceId)) !== "PAID" && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await status(invoiceId)).toBe("PAID");
    const events = await db.paymentWebhookEvent.findMany({
      where: { provider: "demo", payload: { path: ["intent", "id"], equals: intentId } },
    });
    expect(events.map((e) => [e.type, e.processedAt !== null, e.attempts])).toEqual([
      ["intent.SUCCEEDED", true, 1],
    ]);
  });
});
