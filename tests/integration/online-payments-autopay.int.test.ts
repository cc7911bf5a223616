import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { recordPayment } from "@/server/billing/record-payment";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { getDb } from "@/server/db/client";
import { runAutopay } from "@/server/payments/autopay-run";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { removePaymentMethod } from "@/server/payments/remove-payment-method";
import { makeCustomerWithDefaultMethod, makeRenewalInvoice } from "../support/autopay";
import { makeProducts, makeSubscription } from "../support/factories";
import { applyPendingPaymentEvents, makeCustomerActor } from "../support/payments";

// The demo provider (no Stripe keys in tests) charges saved methods off-session like Stripe: 4242
// succeeds, 3155 needs the cardholder (a FAILED intent, authentication_required), 0002 is declined.
const db = getDb();
const provider = activePaymentProvider(db);
const issuedAt = new Date("2026-01-15T09:00:00Z");

/** 10:00 in Paris on `day` (the customers' time zone), plus `hours`. */
const on = (day: string, hours = 0) => new Date(new Date(`${day}T09:00:00Z`).getTime() + hours * 3_600_000);
const day = (due: string, n: number) => addDays(due as CalendarDate, n);

const attemptsOf = (invoiceId: string) =>
  db.autopayAttempt.findMany({
    where: { invoiceId },
    orderBy: { attempt: "asc" },
    include: { checkout: true },
  });

/** Runs autopay as the daily job does, then lets the worker apply what the provider reported. */
async function runDay(at: Date) {
  await runAutopay(db, provider, at);
  await applyPendingPaymentEvents(db, provider, at);
}

describe("autopay", () => {
  it("charges a renewal invoice on its due date with the default method, once, and sends the receipt", async () => {
    const { customerId } = await makeCustomerWithDefaultMethod(provider, "4242424242424242", issuedAt);
    const { invoiceId, dueDate } = await makeRenewalInvoice(customerId, issuedAt);
    await runDay(on(day(dueDate, -1))); // the day before: nothing yet
    expect(await attemptsOf(invoiceId)).toHaveLength(0);
    await runDay(on(dueDate));
    await runDay(on(dueDate, 6)); // a second run the same day adds nothing
    const attempts = await attemptsOf(invoiceId);
    expect(attempts.map((a) => [a.attempt, a.checkout.purpose, a.checkout.status])).toEqual([
      [0, "AUTOPAY", "SUCCEEDED"],
    ]);
    const invoice = await db.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      include: { payments: true },
    });
    expect(invoice.status).toBe("PAID");
    expect(invoice.payments.map((p) => [p.amountMinor, p.method, p.checkoutId])).toEqual([
      [17275n, "CARD", attempts[0]?.checkoutId],
    ]);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const receipts = await db.outboundEmail.findMany({
      where: { toAddress: customer.billingEmail, template: "paymentReceipt" },
    });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain("Visa •••• 4242");
    await runDay(on(day(dueDate, 1))); // paid: no retry
    expect(await attemptsOf(invoiceId)).toHaveLength(1);
  });

  it("retries a failure on +1, +3 and +5 days exactly once each, even run twice a day by two workers at once", async () => {
    const { customerId } = await makeCustomerWithDefaultMethod(provider, "4000002500003155", issuedAt);
    const { invoiceId, dueDate } = await makeRenewalInvoice(customerId, issuedAt);
    const made: number[][] = [];
    for (let n = 0; n <= 7; n++) {
      for (const hours of [0, 8]) {
        const at = on(day(dueDate, n), hours);
        await Promise.all([runAutopay(db, provider, at), runAutopay(db, provider, at)]);
        await applyPendingPaymentEvents(db, provider, at);
      }
      made.push((await attemptsOf(invoiceId)).map((a) => a.attempt));
    }
    expect(made).toEqual([
      [0],
      [0, 1],
      [0, 1],
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2, 3],
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ]);
    const attempts = await attemptsOf(invoiceId);
    expect(attempts.map((a) => a.checkout.status)).toEqual(["FAILED", "FAILED", "FAILED", "FAILED"]);
    expect(attempts.every((a) => a.checkout.failureCode === "authentication_required")).toBe(true);
    // One provider intent per attempt, whoever called.
    const intents = await db.demoProviderIntent.findMany({
      where: { idempotencyKey: { in: attempts.map((a) => a.checkout.idempotencyKey) } },
    });
    expect(intents).toHaveLength(4);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("OPEN");
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const mails = await db.outboundEmail.findMany({
      where: {
        toAddress: customer.billingEmail,
        template: { in: ["autopayFailed", "autopayFailedFinal", "paymentFailed"] },
      },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((m) => m.template)).toEqual([
      "autopayFailed",
      "autopayFailed",
      "autopayFailed",
      "autopayFailedFinal",
    ]);
    // Each says when the next attempt is (in the reader's language), and links to pay by hand.
    expect(mails[0]?.text).toMatch(/try again on .+/);
    expect(mails[0]?.text).toContain("/portal/invoices");
    expect(mails[3]?.text).toContain("last automatic attempt");
  });

  it("makes one attempt, not a burst, after a run that missed days", async () => {
    const { customerId } = await makeCustomerWithDefaultMethod(provider, "4000002500003155", issuedAt);
    const { invoiceId, dueDate } = await makeRenewalInvoice(customerId, issuedAt);
    await runDay(on(day(dueDate, 4)));
    expect((await attemptsOf(invoiceId)).map((a) => a.attempt)).toEqual([2]);
    await runDay(on(day(dueDate, 5)));
    await runDay(on(day(dueDate, 9)));
    expect((await attemptsOf(invoiceId)).map((a) => a.attempt)).toEqual([2, 3]);
  });

  it("makes the provider call an earlier run recorded but could not make, with the same key: one charge", async () => {
    const { customerId } = await makeCustomerWithDefaultMethod(provider, "4242424242424242", issuedAt);
    const { invoiceId, dueDate } = await makeRenewalInvoice(customerId, issuedAt);
    const down = {
      ...provider,
      createIntent: async () => {
        throw new Error("provider unreachable");
      },
    };
    expect(await runAutopay(db, down, on(dueDate))).toMatchObject({ attempts: expect.any(Number) });
    const [pending] = await attemptsOf(invoiceId);
    expect(pending?.checkout).toMatchObject({ status: "CREATED", providerIntentId: null });
    await runDay(on(dueDate, 4)); // the same day: no new attempt, but the call is made now
    const attempts = await attemptsOf(invoiceId);
    expect(attempts.map((a) => [a.attempt, a.checkout.status])).toEqual([[0, "SUCCEEDED"]]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("PAID");
  });

  it("does not charge, by surprise, a renewal invoice already overdue beyond the schedule when the method is saved", async () => {
    const { customerId } = await makeCustomerWithDefaultMethod(provider, "4242424242424242", issuedAt);
    const { invoiceId, dueDate } = await makeRenewalInvoice(customerId, issuedAt);
    await runDay(on(day(dueDate, 6)));
    await runDay(on(day(dueDate, 40)));
    expect(await attemptsOf(invoiceId)).toEqual([]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("OPEN");
  });

  it("charges nothing without a default method, on a paid invoice, or on a one-off invoice", async () => {
    const none = await makeCustomerActor();
    const withoutMethod = await makeRenewalInvoice(none.customerId, issuedAt);

    const removed = await makeCustomerWithDefaultMethod(provider, "4242424242424242", issuedAt);
    const removedInvoice = await makeRenewalInvoice(removed.customerId, issuedAt);
    await removePaymentMethod(
      db,
      provider,
      await makeCustomerActor(removed.customerId),
      { methodId: removed.method.id },
      issuedAt,
    );

    const paid = await makeCustomerWithDefaultMethod(provider, "4242424242424242", issuedAt);
    const paidInvoice = await makeRenewalInvoice(paid.customerId, issuedAt);
    await recordPayment(
      db,
      paidInvoice.staff,
      paidInvoice.invoiceId,
      { amountMinor: 17275, method: "TRANSFER", reference: "VIR", receivedOn: "2026-01-20" as CalendarDate },
      issuedAt,
    );

    const oneOff = await makeCustomerWithDefaultMethod(provider, "4242424242424242", issuedAt);
    const oneOffInvoice = await makeRenewalInvoice(oneOff.customerId, issuedAt, false);

    for (let n = 0; n <= 6; n++) await runDay(on(day(withoutMethod.dueDate, n)));
    for (const id of [
      withoutMethod.invoiceId,
      removedInvoice.invoiceId,
      paidInvoice.invoiceId,
      oneOffInvoice.invoiceId,
    ])
      expect(await attemptsOf(id)).toEqual([]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: oneOffInvoice.invoiceId } })).status).toBe(
      "OPEN",
    );
  });

  it("the renewal e-mail of a customer with a default method says it will be charged automatically, and with what", async () => {
    await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
    const withMethod = await makeCustomerWithDefaultMethod(provider, "4242424242424242", issuedAt);
    const without = await makeCustomerActor();
    const { server } = await makeProducts();
    for (const customerId of [withMethod.customerId, without.customerId])
      await makeSubscription(customerId, server.id, "2026-11-01", "2026-12-01");
    const asOf = "2026-11-17" as CalendarDate;
    const run = await startBillingRun(
      db,
      { asOf, dryRun: false, requestedBy: "test" },
      asOf,
      new Date(`${asOf}T05:00:00Z`),
      true,
    );
    await executeBillingRun(db, run.id, () => new Date(`${asOf}T05:00:00Z`));
    const mailOf = async (customerId: string) => {
      const c = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
      return db.outboundEmail.findFirstOrThrow({
        where: { toAddress: c.billingEmail, template: "renewalInvoice" },
      });
    };
    const charged = await mailOf(withMethod.customerId);
    expect(charged.text).toMatch(/It will be charged automatically on .+ to Visa •••• 4242: nothing to do\./);
    expect((await mailOf(without.customerId)).text).not.toContain("charged automatically");
  });
});
