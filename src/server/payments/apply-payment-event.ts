import { fmtMoney } from "@/domain/billing/display-format";
import { applyIntentEvent } from "@/domain/payments/checkout-state";
import { isLocale } from "@/domain/i18n/locales";
import { appUrl } from "@/server/config";
import type { Db, RootDb } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { minorFromDb } from "@/server/billing/ledger-values";
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
import { decodeProviderEvent } from "@/server/payments/provider-event-codec";
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
    await enqueueEmail(
      tx,
      customer.billingEmail,
      locale,
      {
        template: "paymentFailed",
        params: {
          customerName: customer.legalName,
          invoices: invoices.map((i) => i.number ?? "").join(", "),
          amount: fmtMoney(minorFromDb(checkout.amountMinor), checkout.currency, locale),
          method: methodLabel(intent.method),
          link: `${appUrl()}/portal/invoices`,
        },
      },
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
): Promise<ApplyOutcome> {
  const checkout = await findCheckoutByIntent(tx, provider, event.refund.intentId);
  if (!checkout) return "unknown";
  if (!checkout.settledAt)
    throw new PaymentEventNotReady(
      `refund ${event.refund.id}: payment ${event.refund.intentId} not settled yet`,
    );
  // Refunds (and their credit notes) are the next step of issue 16: until it lands, the event waits
  // in the inbox, retried and then kept unprocessed, where the refund step will find it.
  throw new PaymentEventNotReady(`refund ${event.refund.id}: refunds are not applied yet`);
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
      else if (event.type === "refund") outcome = await applyRefund(tx, provider.name, event);
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
