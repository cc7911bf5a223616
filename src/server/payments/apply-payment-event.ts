import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { autopayAttemptDay } from "@/domain/payments/autopay-schedule";
import { applyIntentEvent } from "@/domain/payments/checkout-state";
import { isLocale } from "@/domain/i18n/locales";
import { appUrl } from "@/server/config";
import type { Db, RootDb } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { recordAudit } from "@/server/audit/audit-repository";
import { dateFromDb, minorFromDb, minorToDb } from "@/server/billing/ledger-values";
import { autopayAttemptOfCheckout } from "@/server/payments/autopay-repository";
import {
  billingContactOf,
  type CheckoutRow,
  checkoutInvoicesNow,
  findCheckout,
  findCheckoutByIntent,
  lockCheckout,
  setCheckoutIntent,
  updateCheckoutProgress,
} from "@/server/payments/checkout-repository";
import {
  findInboxEvent,
  lockInboxEvent,
  markInboxProcessed,
  recordInboxFailure,
} from "@/server/payments/payment-event-repository";
import type {
  MethodDisplay,
  PaymentProvider,
  ProviderEvent,
  ProviderIntent,
  ProviderName,
} from "@/server/payments/payment-provider";
import { completeRefundInTransaction } from "@/server/payments/complete-refund";
import { decodeProviderEvent } from "@/server/payments/provider-event-codec";
import {
  findRefund,
  findRefundByKey,
  findRefundByProviderId,
  insertRefundIfAbsent,
  lockRefundablePayment,
  paymentsOfCheckout,
} from "@/server/payments/refund-repository";
import { savePaymentMethodFromSetup } from "@/server/payments/save-payment-method";
import { methodLabel, settleCheckoutInTransaction } from "@/server/payments/settle-checkout";

/**
 * Thrown for an event that cannot apply yet (a refund of a payment whose success has not been
 * applied): the job fails, pg-boss retries it with backoff, and it applies once the success has.
 */
export class PaymentEventNotReady extends Error {}

export type ApplyOutcome = "applied" | "settled" | "unchanged" | "unknown" | "already-processed";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The checkout an intent belongs to: by its id, or by our metadata when the event beat the id's write. */
async function checkoutOfIntent(
  tx: Db,
  provider: ProviderName,
  intent: ProviderIntent,
): Promise<CheckoutRow | null> {
  const byIntent = await findCheckoutByIntent(tx, provider, intent.id);
  if (byIntent) return byIntent;
  const id = intent.metadata.checkoutId;
  const byMetadata = id && UUID.test(id) ? await findCheckout(tx, id) : null;
  if (
    !byMetadata ||
    byMetadata.provider !== provider ||
    (byMetadata.providerIntentId && byMetadata.providerIntentId !== intent.id)
  )
    return null;
  await setCheckoutIntent(tx, byMetadata.id, intent.id);
  return byMetadata;
}

async function applyIntent(
  tx: Db,
  provider: ProviderName,
  event: Extract<ProviderEvent, { type: "intent" }>,
  method: MethodDisplay | null,
  now: Date,
): Promise<ApplyOutcome> {
  const { intent } = event;
  const found = await checkoutOfIntent(tx, provider, intent);
  if (!found) return "unknown";
  await lockCheckout(tx, found.id);
  const checkout = (await findCheckout(tx, found.id)) ?? found; // as it is under the lock
  if (intent.status === "CREATED") return "unchanged";
  const next = applyIntentEvent(
    { status: checkout.status, lastEventAt: checkout.lastEventAt },
    { status: intent.status, at: event.created },
  );
  if (!next) return "unchanged"; // a duplicate, a stale state, or anything after success
  if (next.status === "SUCCEEDED") {
    if (intent.currency !== checkout.currency)
      throw new Error(`intent ${intent.id} is in ${intent.currency}, its checkout in ${checkout.currency}`);
    await settleCheckoutInTransaction(tx, provider, checkout, intent, method, event.created, now);
    return "settled";
  }
  const failureCode = next.status === "FAILED" ? (intent.failureCode ?? "payment_failed") : null;
  await updateCheckoutProgress(tx, checkout.id, {
    status: next.status,
    lastEventAt: event.created,
    failureCode,
  });
  if (next.status === "FAILED") {
    // The customer is told, with the way to pay by hand; the invoices stay open and dunning goes on.
    const customer = await billingContactOf(tx, checkout.customerId);
    const locale = isLocale(customer.locale) ? customer.locale : "fr";
    const invoices = await checkoutInvoicesNow(tx, checkout.id);
    const params = {
      customerName: customer.legalName,
      invoices: invoices.map((i) => i.number ?? "").join(", "),
      amount: fmtMoney(minorFromDb(checkout.amountMinor), checkout.currency, locale),
      method: methodLabel(intent.method),
      link: `${appUrl()}/portal/invoices`,
    };
    // An autopay failure also says when the next automatic attempt is, or that there is none left.
    const autopay = checkout.purpose === "AUTOPAY" ? await autopayAttemptOfCheckout(tx, checkout.id) : null;
    const next =
      autopay?.invoice.dueDate != null
        ? autopayAttemptDay(dateFromDb(autopay.invoice.dueDate), autopay.attempt + 1)
        : null;
    await enqueueEmail(
      tx,
      customer.billingEmail,
      locale,
      !autopay
        ? { template: "paymentFailed", params }
        : next
          ? { template: "autopayFailed", params: { ...params, nextAttempt: fmtDate(next, locale) } }
          : { template: "autopayFailedFinal", params },
      `payment-failed:${checkout.id}:${event.id}`,
      now,
    );
  }
  return "applied";
}

async function applyRefund(
  tx: Db,
  provider: ProviderName,
  event: Extract<ProviderEvent, { type: "refund" }>,
  now: Date,
): Promise<ApplyOutcome> {
  const { refund } = event;
  const checkout = await findCheckoutByIntent(tx, provider, refund.intentId);
  if (!checkout) return "unknown";
  if (!checkout.settledAt)
    throw new PaymentEventNotReady(`refund ${refund.id}: payment ${refund.intentId} not settled yet`);
  // Ours (asked from the back-office or the API): found by the provider's id or by our metadata.
  const refundId = refund.metadata.refundId;
  const ours =
    (await findRefundByProviderId(tx, refund.id)) ??
    (refundId && UUID.test(refundId) ? await findRefund(tx, refundId) : null);
  if (ours) {
    const before = ours.status;
    const after = await completeRefundInTransaction(
      tx,
      ours.id,
      { status: refund.status, providerRefundId: refund.id },
      null,
      now,
    );
    return after.status !== before ? "applied" : "unchanged";
  }
  // Made in the provider's dashboard: recorded once it succeeded, like ours, spread over the
  // payments the checkout wrote (oldest first), each up to what is left of it.
  if (refund.status !== "SUCCEEDED") return "unchanged";
  let left = refund.amountMinor;
  let first = true;
  for (const { id } of await paymentsOfCheckout(tx, checkout.id)) {
    if (left <= 0) break;
    const payment = await lockRefundablePayment(tx, id);
    if (!payment) continue;
    const amount = Math.min(left, minorFromDb(payment.amountMinor - payment.refundedMinor));
    if (amount <= 0) continue;
    const key = `provider_refund:${provider}:${refund.id}:${id}`;
    await insertRefundIfAbsent(tx, {
      paymentId: id,
      customerId: payment.customerId,
      amountMinor: minorToDb(amount),
      currency: payment.currency,
      provider,
      // provider_refund_id is unique: the first payment carries it, the others their derived key.
      providerRefundId: first ? refund.id : null,
      idempotencyKey: key,
      status: "PENDING",
      reason: `Refund ${refund.id}`,
      requestedById: null,
      createdAt: now,
    });
    const row = await findRefundByKey(tx, key);
    if (row)
      await completeRefundInTransaction(
        tx,
        row.id,
        { status: "SUCCEEDED", providerRefundId: null },
        null,
        now,
      );
    left -= amount;
    first = false;
  }
  if (left > 0)
    await recordAudit(tx, {
      action: "refund.unallocated",
      actorEmail: "system",
      targetType: "checkout",
      targetId: checkout.id,
      customerId: checkout.customerId,
      details: { providerRefundId: refund.id, amountMinor: refund.amountMinor, unallocatedMinor: left },
      at: now,
    });
  return "applied";
}

/**
 * Applies one inbox event, exactly once: the row is locked and skipped once processed, and the event's
 * effects and its `processed_at` commit together. Provider calls (the method's display data when the
 * event carries only its id) happen before the transaction. A failure is recorded on the row and
 * rethrown, so the job retries.
 */
export async function applyPaymentEvent(
  db: RootDb,
  provider: PaymentProvider,
  inboxId: bigint,
  now: Date,
): Promise<ApplyOutcome> {
  const row = await findInboxEvent(db, inboxId);
  if (!row || row.processed_at) return "already-processed";
  try {
    if (row.provider !== provider.name)
      throw new Error(`event of provider ${row.provider}, but ${provider.name} is active`);
    const event = decodeProviderEvent(row.payload);
    let method: MethodDisplay | null = null;
    if (event.type === "intent" && event.intent.status === "SUCCEEDED")
      method =
        event.intent.method ??
        (event.intent.methodId ? await provider.retrieveMethod(event.intent.methodId) : null);
    if (event.type === "setup_succeeded")
      method = event.method ?? (await provider.retrieveMethod(event.methodId));
    return await db.$transaction(async (tx) => {
      const locked = await lockInboxEvent(tx, inboxId);
      if (!locked || locked.processed_at) return "already-processed";
      let outcome: ApplyOutcome = "unchanged";
      if (event.type === "intent") outcome = await applyIntent(tx, provider.name, event, method, now);
      else if (event.type === "refund") outcome = await applyRefund(tx, provider.name, event, now);
      else if (event.type === "setup_succeeded" && method)
        outcome =
          (await savePaymentMethodFromSetup(tx, provider.name, event, method, now)) === "saved"
            ? "applied"
            : "unknown";
      await markInboxProcessed(tx, inboxId, now);
      return outcome;
    });
  } catch (e) {
    await recordInboxFailure(db, inboxId, (e as Error).message);
    throw e;
  }
}
