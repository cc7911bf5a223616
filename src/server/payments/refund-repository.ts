import type { RefundStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** A payment as a refund needs it: how it was collected (online: its checkout's intent) and what is left of it. */
export interface RefundablePayment {
  id: string;
  invoiceId: string;
  customerId: string;
  amountMinor: bigint;
  currency: string;
  method: string;
  provider: string | null;
  intentId: string | null;
  /** Refunds not FAILED (PENDING ones hold their amount until they settle). */
  refundedMinor: bigint;
}

/**
 * Locks the payment's row, then reads it with what its refunds hold: refunds of one payment are
 * decided one at a time (no over-refund by a race). Two statements on purpose: under READ COMMITTED a
 * statement that waited for the lock re-reads the locked row but not its subqueries, which would
 * still sum the refunds as they were before the other refund committed.
 */
export async function lockRefundablePayment(db: Db, paymentId: string): Promise<RefundablePayment | null> {
  const locked = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
  if (!locked[0]) return null;
  const rows = await db.$queryRaw<RefundablePayment[]>`
    SELECT p.id::text AS id, p.invoice_id::text AS "invoiceId", p.customer_id::text AS "customerId",
           p.amount_minor AS "amountMinor", p.currency::text AS currency, p.method::text AS method,
           c.provider, c.provider_intent_id AS "intentId",
           COALESCE((SELECT sum(r.amount_minor) FROM refunds r
                     WHERE r.payment_id = p.id AND r.status <> 'FAILED'), 0)::bigint AS "refundedMinor"
    FROM payments p LEFT JOIN checkouts c ON c.id = p.checkout_id
    WHERE p.id = ${paymentId}::uuid`;
  return rows[0] ?? null;
}

export interface RefundRow {
  id: string;
  paymentId: string;
  customerId: string;
  amountMinor: bigint;
  currency: string;
  provider: string | null;
  providerRefundId: string | null;
  idempotencyKey: string;
  status: RefundStatus;
  reason: string;
  creditNoteId: string | null;
  requestedById: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

export const findRefundByKey = (db: Db, key: string): Promise<RefundRow | null> =>
  db.refund.findUnique({ where: { idempotencyKey: key } });

export const findRefundByProviderId = (db: Db, providerRefundId: string): Promise<RefundRow | null> =>
  db.refund.findUnique({ where: { providerRefundId } });

export const findRefund = (db: Db, id: string): Promise<RefundRow | null> =>
  db.refund.findUnique({ where: { id } });

/** Creates the refund unless its idempotency key exists (a double click, a retried request): the key decides. */
export async function insertRefundIfAbsent(
  db: Db,
  r: Omit<RefundRow, "id" | "creditNoteId" | "settledAt" | "providerRefundId"> & {
    providerRefundId?: string | null;
  },
): Promise<void> {
  await db.refund.createMany({ data: [r], skipDuplicates: true });
}

/** Locks a refund: its completion (by the staff request or by the provider's event) happens once. */
export async function lockRefund(db: Db, id: string): Promise<RefundRow | null> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM refunds WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ? findRefund(db, id) : null;
}

export async function updateRefund(
  db: Db,
  id: string,
  data: { status?: RefundStatus; providerRefundId?: string; creditNoteId?: string; settledAt?: Date },
): Promise<void> {
  await db.refund.update({ where: { id }, data });
}

/** The payments a checkout wrote, oldest first: a refund made at the provider is spread over them. */
export async function paymentsOfCheckout(db: Db, checkoutId: string): Promise<{ id: string }[]> {
  return db.payment.findMany({
    where: { checkoutId },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
