import { fmtMoney } from "@/domain/billing/display-format";
import { todayIn } from "@/domain/billing/calendar-date";
import { allocatePayment, type PayableInvoice } from "@/domain/payments/allocation";
import { ledgerMethodOf } from "@/domain/payments/payment-methods";
import { isLocale } from "@/domain/i18n/locales";
import { recordAudit } from "@/server/audit/audit-repository";
import { lockInvoice } from "@/server/billing/invoice-repository";
import { minorFromDb } from "@/server/billing/ledger-values";
import { recordPaymentInTransaction } from "@/server/billing/record-payment";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import {
  billingContactOf,
  type CheckoutRow,
  checkoutInvoicesNow,
  updateCheckoutProgress,
} from "@/server/payments/checkout-repository";
import type { MethodDisplay, ProviderIntent, ProviderName } from "@/server/payments/payment-provider";
import { saveMethodInTransaction } from "@/server/payments/save-payment-method";

/** "Visa •••• 4242", "Demo Bank •••• 3000": how the receipt names the method, in any language. */
export function methodLabel(method: MethodDisplay | null): string {
  if (!method) return "••••";
  const name = method.brand
    ? method.brand.charAt(0).toUpperCase() + method.brand.slice(1)
    : (method.bankName ?? "");
  return `${name} •••• ${method.last4}`.trim();
}

/**
 * A checkout's payment succeeded: in the caller's transaction (which holds the checkout's lock),
 * the money is spread over its invoices oldest due first, each up to what is left on it now (one
 * `payments` row per invoice, linked to the checkout, through the same path as a payment recorded by
 * staff, so a settled invoice brings its suspended services back), the receipt goes to the outbox,
 * and the method is saved if the customer asked. What finds nothing left to settle (an invoice paid
 * meanwhile by transfer) is left unallocated and reported in the audit log, for a refund.
 */
export async function settleCheckoutInTransaction(
  tx: Db,
  provider: ProviderName,
  checkout: CheckoutRow,
  intent: ProviderIntent,
  method: MethodDisplay | null,
  eventAt: Date,
  now: Date,
): Promise<{ payments: number; unallocatedMinor: number }> {
  const customer = await billingContactOf(tx, checkout.customerId);
  const rows = await checkoutInvoicesNow(tx, checkout.id);
  // Invoices locked in one order (by id) whoever settles them, so two settlements never deadlock.
  const payables: PayableInvoice[] = [];
  for (const row of [...rows].sort((a, b) => a.id.localeCompare(b.id))) {
    const locked = await lockInvoice(tx, row.id);
    const balance =
      locked && locked.status === "OPEN"
        ? minorFromDb(locked.gross_minor - locked.paid_minor - locked.credited_minor)
        : 0;
    payables.push({
      invoiceId: row.id,
      number: row.number ?? "",
      currency: row.currency,
      dueDate: row.dueDate?.toISOString().slice(0, 10) ?? null,
      balanceMinor: balance,
    });
  }
  const { allocations, unallocatedMinor } = allocatePayment(intent.amountMinor, payables);
  const receivedOn = todayIn(customer.timeZone, now);
  const kind = method?.kind ?? null;
  for (const a of allocations) {
    await recordPaymentInTransaction(
      tx,
      null,
      a.invoiceId,
      { amountMinor: a.amountMinor, method: ledgerMethodOf(kind), reference: intent.id, receivedOn },
      now,
      { checkoutId: checkout.id },
    );
  }
  if (unallocatedMinor > 0) {
    await recordAudit(tx, {
      action: "payment.unallocated",
      actorEmail: "system",
      targetType: "checkout",
      targetId: checkout.id,
      customerId: checkout.customerId,
      details: {
        intentId: intent.id,
        amountMinor: intent.amountMinor,
        unallocatedMinor,
        currency: intent.currency,
      },
      at: now,
    });
  }
  const savedMethodId =
    checkout.saveMethod && method
      ? await saveMethodInTransaction(tx, checkout.customerId, provider, method, now)
      : undefined;
  await updateCheckoutProgress(tx, checkout.id, {
    status: "SUCCEEDED",
    lastEventAt: eventAt,
    failureCode: null,
    settledAt: now,
    ...(savedMethodId ? { savedMethodId } : {}),
  });

  const locale = isLocale(customer.locale) ? customer.locale : "fr";
  const numbers = payables
    .filter((p) => allocations.some((a) => a.invoiceId === p.invoiceId))
    .map((p) => p.number);
  await enqueueEmail(
    tx,
    customer.billingEmail,
    locale,
    {
      template: "paymentReceipt",
      params: {
        customerName: customer.legalName,
        invoices: (numbers.length > 0 ? numbers : payables.map((p) => p.number)).join(", "),
        amount: fmtMoney(intent.amountMinor, intent.currency, locale),
        method: methodLabel(method),
        link: `${appUrl()}/portal/invoices`,
      },
    },
    `payment-receipt:${checkout.id}`,
    now,
  );
  return { payments: allocations.length, unallocatedMinor };
}
