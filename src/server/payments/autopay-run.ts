import { addDays, todayIn } from "@/domain/billing/calendar-date";
import { AUTOPAY_RETRY_DAYS, dueAutopayAttempt } from "@/domain/payments/autopay-schedule";
import { methodKindsFor } from "@/domain/payments/payment-methods";
import { dateFromDb, dateToDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import {
  autopayCandidates,
  autopayCheckoutsWithoutIntent,
  insertAutopayAttemptIfAbsent,
} from "@/server/payments/autopay-repository";
import {
  findCheckout,
  findCheckoutByKey,
  insertCheckoutIfAbsent,
  setCheckoutIntent,
} from "@/server/payments/checkout-repository";
import { ensureProviderCustomer } from "@/server/payments/ensure-provider-customer";
import type { PaymentProvider } from "@/server/payments/payment-provider";

/** The checkout key of one attempt at one invoice: the same for every run and every worker. */
export const autopayKey = (invoiceId: string, attempt: number) => `autopay:${invoiceId}:${attempt}`;

export interface AutopayRunResult {
  /** Attempts this run recorded (another run or worker recording the same one counts there, not here). */
  attempts: number;
  /** Provider calls made (new attempts, and attempts an earlier run recorded but could not call). */
  charged: number;
  failedCalls: number;
  /** Whose checkouts were charged (the demo provider's events are applied for them at once). */
  chargedCustomerIds: string[];
}

/**
 * The daily autopay (ADR 0019): every OPEN renewal invoice with a balance whose customer has a
 * default method is charged off-session on its due date, then 1, 3 and 5 days after (the customer's
 * calendar). Only renewal invoices: a one-off invoice was not announced as paid automatically, and
 * the customer agreed to autopay for their services. The attempt and its AUTOPAY checkout are written
 * in one transaction, keyed by (invoice, attempt): a second run the same day, or two workers at
 * once, add nothing. The provider call comes after the commit, with the checkout's key as its
 * idempotency key (one charge whoever makes it); its outcome arrives as an event through the inbox,
 * the path of every payment (settlement, reinstatement, receipt or failure e-mail).
 */
export async function runAutopay(
  db: RootDb,
  provider: PaymentProvider,
  now: Date,
): Promise<AutopayRunResult> {
  // The latest and earliest "today" of any time zone (UTC+14, UTC-12): each invoice is then judged
  // in its customer's.
  const latestToday = todayIn("Pacific/Kiritimati", now);
  const earliestToday = todayIn("Etc/GMT+12", now);
  const lastRetry = Math.max(...AUTOPAY_RETRY_DAYS);
  const candidates = await autopayCandidates(
    db,
    provider.name,
    dateToDb(addDays(earliestToday, -lastRetry)),
    dateToDb(latestToday),
  );
  let attempts = 0;
  for (const c of candidates) {
    const dueDate = dateFromDb(c.dueDate);
    const today = todayIn(c.timeZone, now);
    // Only within the schedule (due date to its last retry): an invoice overdue for longer when a
    // default method is saved is not charged by surprise; the customer pays it from the portal.
    if (today > addDays(dueDate, lastRetry)) continue;
    const made = c.lastAttempt === null ? 0 : c.lastAttempt + 1;
    const attempt = dueAutopayAttempt(dueDate, made, today);
    if (attempt === null) continue;
    const key = autopayKey(c.invoiceId, attempt);
    const recorded = await db.$transaction(async (tx) => {
      await insertCheckoutIfAbsent(tx, {
        customerId: c.customerId,
        provider: provider.name,
        idempotencyKey: key,
        purpose: "AUTOPAY",
        amountMinor: c.balanceMinor,
        currency: c.currency,
        saveMethod: false,
        savedMethodId: c.savedMethodId,
        createdById: null,
        createdAt: now,
        invoices: [{ invoiceId: c.invoiceId, amountMinor: c.balanceMinor }],
      });
      const checkout = await findCheckoutByKey(tx, key);
      if (!checkout) return false;
      return insertAutopayAttemptIfAbsent(tx, {
        invoiceId: c.invoiceId,
        attempt,
        checkoutId: checkout.id,
        at: now,
      });
    });
    if (recorded) attempts++;
  }

  let charged = 0;
  let failedCalls = 0;
  const chargedCustomerIds = new Set<string>();
  for (const pending of await autopayCheckoutsWithoutIntent(db, provider.name)) {
    const method = pending.savedMethod;
    if (!method || method.removedAt) continue; // removed since: no charge; dunning goes on
    const checkout = await findCheckout(db, pending.id);
    if (!checkout || checkout.providerIntentId) continue;
    try {
      const customerRef = await ensureProviderCustomer(db, provider, checkout.customerId, now);
      const intent = await provider.createIntent({
        amountMinor: Number(checkout.amountMinor),
        currency: checkout.currency,
        customerRef,
        methodKinds: methodKindsFor(checkout.currency),
        method: method.providerMethodId,
        offSession: true,
        metadata: { checkoutId: checkout.id, customerId: checkout.customerId, purpose: "AUTOPAY" },
        idempotencyKey: checkout.idempotencyKey,
      });
      await setCheckoutIntent(db, checkout.id, intent.id);
      charged++;
      chargedCustomerIds.add(checkout.customerId);
    } catch (e) {
      // Left without an intent: the next run calls again with the same key (still one charge).
      failedCalls++;
      logger.error({ checkoutId: checkout.id, err: (e as Error).message }, "autopay charge failed");
    }
  }
  return { attempts, charged, failedCalls, chargedCustomerIds: [...chargedCustomerIds] };
}
