import { createHash } from "node:crypto";
import { DomainError } from "@/domain/shared/domain-error";
import type { TRefundPaymentInput } from "@/contracts/refunds";
import type { StaffActor } from "@/server/auth/actor";
import { minorFromDb, minorToDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";
import { completeRefundInTransaction } from "@/server/payments/complete-refund";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import {
  findRefundByKey,
  insertRefundIfAbsent,
  lockRefundablePayment,
  type RefundRow,
} from "@/server/payments/refund-repository";

/** A refusal by the provider itself (Stripe's invalid request or card errors, the demo's rules), as opposed to not reaching it. */
const refusedByProvider = (e: unknown) =>
  e instanceof DomainError ||
  (typeof e === "object" &&
    e !== null &&
    "type" in e &&
    (e.type === "StripeInvalidRequestError" || e.type === "StripeCardError"));

/**
 * Staff (BILLING) refund all or part of a payment (ADR 0019, amendment "refunds"). The refund row is
 * written first, under the payment's lock (what is left of it is decided one refund at a time), keyed
 * by the caller's idempotency key: a double click or a retried request finds the same refund, and the
 * provider gets the same key, so the money goes back once. Then, after the provider answered, the
 * refund and its credit note commit together (completeRefundInTransaction); the provider's refund
 * event later finds it done. A payment collected outside the app (transfer, cheque, cash) is refunded
 * outside it too: staff send the money back themselves and this records it, with its credit note.
 */
export async function refundPayment(
  db: RootDb,
  provider: PaymentProvider,
  actor: StaffActor,
  input: TRefundPaymentInput,
  idempotencyKey: string,
  now: Date,
): Promise<RefundRow> {
  const key = `refund_${createHash("sha256").update(`${input.paymentId}|${idempotencyKey}`).digest("hex")}`;
  const refund = await db.$transaction(async (tx) => {
    const existing = await findRefundByKey(tx, key);
    if (existing) return existing;
    const payment = await lockRefundablePayment(tx, input.paymentId);
    if (!payment) throw new DomainError("NOT_FOUND", { entity: "payment" });
    const online = payment.intentId !== null && payment.provider !== null;
    if (online && payment.provider !== provider.name)
      throw new DomainError("INVALID_TRANSITION", {
        entity: "payment",
        from: payment.provider,
        event: "refund",
      });
    const availableMinor = minorFromDb(payment.amountMinor - payment.refundedMinor);
    if (input.amountMinor > availableMinor)
      throw new DomainError("REFUND_EXCEEDS_PAYMENT", {
        field: "amountMinor",
        requestedMinor: input.amountMinor,
        availableMinor,
      });
    await insertRefundIfAbsent(tx, {
      paymentId: payment.id,
      customerId: payment.customerId,
      amountMinor: minorToDb(input.amountMinor),
      currency: payment.currency,
      provider: online ? payment.provider : null,
      idempotencyKey: key,
      status: "PENDING",
      reason: input.reason,
      requestedById: actor.id,
      createdAt: now,
    });
    const row = await findRefundByKey(tx, key);
    if (!row) throw new Error("refund insert lost");
    return row;
  });
  // The same key with another payment or amount is another request: refuse rather than guess.
  if (refund.paymentId !== input.paymentId || minorFromDb(refund.amountMinor) !== input.amountMinor)
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", {});
  if (refund.status !== "PENDING") return refund;

  const payment = await db.payment.findUniqueOrThrow({
    where: { id: refund.paymentId },
    select: { checkout: { select: { providerIntentId: true } } },
  });
  const intentId = refund.provider ? payment.checkout?.providerIntentId : null;
  // Outside any transaction: never a provider call while holding locks.
  let outcome: Awaited<ReturnType<PaymentProvider["refund"]>> | null = null;
  if (intentId) {
    try {
      outcome = await provider.refund({
        intentId,
        amountMinor: input.amountMinor,
        metadata: { refundId: refund.id, paymentId: refund.paymentId },
        idempotencyKey: key,
      });
    } catch (e) {
      // The provider refused it (not a network failure, after which the same key may be retried):
      // the refund is over and no longer holds its amount.
      if (refusedByProvider(e))
        await db.$transaction((tx) =>
          completeRefundInTransaction(
            tx,
            refund.id,
            { status: "FAILED", providerRefundId: null },
            actor,
            now,
          ),
        );
      throw e;
    }
  }
  return db.$transaction((tx) =>
    completeRefundInTransaction(
      tx,
      refund.id,
      outcome
        ? { status: outcome.status, providerRefundId: outcome.id }
        : { status: "SUCCEEDED", providerRefundId: null },
      actor,
      now,
    ),
  );
}
