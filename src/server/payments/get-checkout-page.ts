import { methodKindsFor } from "@/domain/payments/payment-methods";
import type { CheckoutPageView } from "@/contracts/payment-views";
import type { CustomerActor } from "@/server/auth/actor";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";
import { billingContactOf, findCheckout } from "@/server/payments/checkout-repository";
import { getCheckout } from "@/server/payments/get-checkout";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { checkoutInvoiceLines } from "@/server/payments/portal-payment-repository";

/**
 * The portal's checkout page: the checkout as getCheckout gives it (another company's is NOT_FOUND),
 * the invoices it pays, why it failed, where the receipt goes, and whether the provider has moved on
 * without its event applied yet (the page then refreshes until it is).
 */
export async function getCheckoutPage(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  checkoutId: string,
  now: Date,
  options: { publishableKey?: string | null } = {},
): Promise<CheckoutPageView> {
  const checkout = await getCheckout(db, provider, actor, checkoutId, now, options);
  const [row, lines, contact] = await Promise.all([
    findCheckout(db, checkoutId, actor.customerId),
    checkoutInvoiceLines(db, checkoutId, actor.customerId),
    billingContactOf(db, actor.customerId),
  ]);
  const settled = checkout.status === "SUCCEEDED" || checkout.status === "CANCELED";
  let awaitingEvent = checkout.status === "PROCESSING";
  if (!settled && row?.providerIntentId) {
    const intent = await provider.retrieveIntent(row.providerIntentId);
    awaitingEvent ||= intent.status !== checkout.status && intent.status !== "CREATED";
  }
  return {
    checkout,
    invoices: lines.map((l) => ({
      invoiceId: l.id,
      number: l.number ?? "",
      amountMinor: minorFromDb(l.amountMinor),
      status: l.status,
    })),
    failureCode: checkout.status === "FAILED" ? (row?.failureCode ?? null) : null,
    receiptEmail: contact.billingEmail,
    methodKinds: methodKindsFor(checkout.currency),
    awaitingEvent,
    savedMethod: row?.savedMethodId != null,
  };
}
