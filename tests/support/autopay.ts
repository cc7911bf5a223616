import { issueInvoice } from "@/server/billing/issue-invoice";
import { getDb } from "@/server/db/client";
import { completeDemoAuthentication, confirmDemoIntent } from "@/server/payments/confirm-demo-intent";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { startMethodSetup } from "@/server/payments/start-method-setup";
import { makeCustomer, makeDraftInvoice, makeProducts, makeStaff } from "./factories";
import { applyPendingPaymentEvents, makeCustomerActor } from "./payments";

/** A customer whose default method is the demo test `number` (saved through a setup, as in the portal). */
export async function makeCustomerWithDefaultMethod(provider: PaymentProvider, number: string, at: Date) {
  const db = getDb();
  const customer = await makeCustomer({ locale: "en" });
  const actor = await makeCustomerActor(customer.id);
  const setup = await startMethodSetup(db, provider, actor, at, `setup-${number}`);
  const confirmed = await confirmDemoIntent(
    db,
    { intentId: setup.setupId, clientSecret: setup.clientSecret, number },
    at,
  );
  if (confirmed.status === "REQUIRES_ACTION")
    await completeDemoAuthentication(
      db,
      { intentId: setup.setupId, clientSecret: setup.clientSecret, approve: true },
      at,
    );
  await applyPendingPaymentEvents(db, provider, at);
  const method = await db.savedPaymentMethod.findFirstOrThrow({
    where: { customerId: customer.id, isDefault: true },
  });
  return { customerId: customer.id, method };
}

/**
 * An issued renewal invoice (172.75 EUR; its first line bills a subscription) of the customer, issued
 * on `issuedAt`: autopay's kind of invoice. `renewal: false` leaves it a one-off invoice.
 */
export async function makeRenewalInvoice(customerId: string, issuedAt: Date, renewal = true) {
  const db = getDb();
  const staff = await makeStaff(["BILLING"]);
  const { invoiceId } = await makeDraftInvoice({ staff, customerId });
  if (renewal) {
    const { server } = await makeProducts();
    const sub = await db.subscription.create({
      data: {
        customerId,
        productId: server.id,
        description: "Serveur",
        quantity: "1",
        unitAmountMinor: 10000n,
        currency: "EUR",
        taxRateBp: 2000,
        cycle: "MONTHLY",
        anchorDay: 1,
        currentPeriodStart: new Date("2026-01-01T00:00:00Z"),
        currentPeriodEnd: new Date("2026-02-01T00:00:00Z"),
      },
    });
    await db.invoiceLine.updateMany({ where: { invoiceId, position: 1 }, data: { subscriptionId: sub.id } });
  }
  await issueInvoice(db, staff, invoiceId, issuedAt);
  const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  return { invoiceId, dueDate: invoice.dueDate?.toISOString().slice(0, 10) ?? "", staff };
}
