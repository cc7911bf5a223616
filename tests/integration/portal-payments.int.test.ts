import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { applyPaymentEvent } from "@/server/payments/apply-payment-event";
import { getCheckoutPage } from "@/server/payments/get-checkout-page";
import { listPayableInvoices } from "@/server/payments/list-payable-invoices";
import { listPaymentMethods } from "@/server/payments/list-payment-methods";
import {
  answerDemoAuthentication,
  payWithDemoForm,
  saveMethodWithDemoForm,
} from "@/server/payments/pay-with-demo-form";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { prepareMethodSetup } from "@/server/payments/prepare-method-setup";
import { startCheckout } from "@/server/payments/start-checkout";
import { codeOf } from "../support/helpers";
import { makeCustomerActor, makeOpenInvoice } from "../support/payments";

// The portal's payment pages (issue 16) on the demo provider: the demo form applies the events it
// wrote right after its commit, so the page shows the outcome without waiting for the worker, and
// the job path finds them applied and changes nothing.
const db = getDb();
const provider = activePaymentProvider(db);
const t0 = new Date("2026-02-01T10:00:00Z");
const card = (number: string) => ({ kind: "card" as const, number, expiry: "12/30", cvc: "123" });

const unprocessed = async (customerId: string) =>
  db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM payment_webhook_events WHERE provider = 'demo' AND processed_at IS NULL
      AND payload->'intent'->'metadata'->>'customerId' = ${customerId}`;

describe("the portal's demo payment form", () => {
  it("applies its own events at once: a decline pays nothing, then a saved card pays and becomes the default", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const stranger = await makeCustomerActor();
    const form = { checkoutId: view.checkoutId, saveMethod: true, ...card("4000000000000002") };

    expect(await codeOf(payWithDemoForm(db, provider, stranger, form, t0))).toBe("NOT_FOUND");
    expect(await codeOf(getCheckoutPage(db, provider, stranger, view.checkoutId, t0))).toBe("NOT_FOUND");
    // The test bank account typed as a card is refused on the number, before anything is confirmed.
    const wrongKind = payWithDemoForm(db, provider, actor, { ...form, number: "DE89370400440532013000" }, t0);
    await expect(wrongKind).rejects.toMatchObject({
      details: { field: "number", reason: "METHOD_NOT_ACCEPTED" },
    });

    expect((await payWithDemoForm(db, provider, actor, form, t0)).status).toBe("FAILED");
    const failed = await getCheckoutPage(db, provider, actor, view.checkoutId, t0);
    expect(failed).toMatchObject({ failureCode: "card_declined", awaitingEvent: false, savedMethod: false });
    expect(failed.checkout.status).toBe("FAILED");
    expect(failed.invoices).toEqual([
      { invoiceId, number: expect.any(String), amountMinor: 17275, status: "OPEN" },
    ]);
    expect(await unprocessed(customerId)).toEqual([]);

    const later = new Date(t0.getTime() + 60_000);
    const paid = await payWithDemoForm(
      db,
      provider,
      actor,
      { ...form, ...card("4242 4242 4242 4242") },
      later,
    );
    expect(paid.status).toBe("SUCCEEDED");
    const page = await getCheckoutPage(db, provider, actor, view.checkoutId, later);
    expect(page).toMatchObject({ awaitingEvent: false, savedMethod: true, failureCode: null });
    expect(page.checkout.status).toBe("SUCCEEDED");
    expect(page.invoices[0]?.status).toBe("PAID");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).billingEmail).toBe(
      page.receiptEmail,
    );
    expect(await listPaymentMethods(db, actor)).toMatchObject([
      { kind: "CARD", brand: "visa", last4: "4242", isDefault: true },
    ]);
    // The job, coming second for the same events, finds them processed.
    const ids = await db.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM payment_webhook_events WHERE payload->'intent'->'metadata'->>'customerId' = ${customerId}`;
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const { id } of ids)
      expect(await applyPaymentEvent(db, provider, id, later)).toBe("already-processed");
    expect(await db.payment.count({ where: { invoiceId } })).toBe(1);
  });

  it("authenticates a 3155 card with the customer's answer, applied at once", async () => {
    const { invoiceId, customerId } = await makeOpenInvoice();
    const actor = await makeCustomerActor(customerId);
    const view = await startCheckout(db, provider, actor, { invoiceIds: [invoiceId], saveMethod: false }, t0);
    const form = { checkoutId: view.checkoutId, saveMethod: false, ...card("4000002500003155") };
    expect((await payWithDemoForm(db, provider, actor, form, t0)).status).toBe("REQUIRES_ACTION");
    expect((await getCheckoutPage(db, provider, actor, view.checkoutId, t0)).checkout.status).toBe(
      "REQUIRES_ACTION",
    );
    const later = new Date(t0.getTime() + 1000);
    await answerDemoAuthentication(
      db,
      provider,
      actor,
      { checkoutId: view.checkoutId, approve: true },
      later,
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("PAID");
    expect(await listPaymentMethods(db, actor)).toEqual([]);
  });

  it("saves a method without paying, only through a setup of the customer's own", async () => {
    const actor = await makeCustomerActor();
    const other = await makeCustomerActor();
    const setup = await prepareMethodSetup(db, provider, actor, t0);
    expect(setup.methodKinds).toContain("CARD");
    const form = {
      setupId: setup.setupId,
      clientSecret: setup.clientSecret ?? "",
      ...card("4242424242424242"),
    };
    expect(await codeOf(saveMethodWithDemoForm(db, provider, other, form, t0))).toBe("NOT_FOUND");
    expect(await listPaymentMethods(db, other)).toEqual([]);
    expect((await saveMethodWithDemoForm(db, provider, actor, form, t0)).status).toBe("SUCCEEDED");
    expect(await listPaymentMethods(db, actor)).toMatchObject([{ last4: "4242", isDefault: true }]);
  });

  it("lists what 'Pay all due' pays: the open invoices with a balance, oldest due first", async () => {
    const { invoiceId: first, customerId } = await makeOpenInvoice({
      issuedAt: new Date("2026-01-10T09:00:00Z"),
    });
    const { invoiceId: second } = await makeOpenInvoice({
      customerId,
      issuedAt: new Date("2026-01-20T09:00:00Z"),
    });
    expect(await listPayableInvoices(db, customerId)).toEqual([
      { currency: "EUR", invoiceIds: [first, second], totalMinor: 2 * 17275 },
    ]);
    expect(await listPayableInvoices(db, (await makeCustomerActor()).customerId)).toEqual([]);
  });
});
