import type { RefundablePaymentView, RefundView } from "@/contracts/refunds";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { minorFromDb } from "@/server/billing/ledger-values";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";

/**
 * Refunds, newest first: key (created_at, id), served by refunds_created_at_id_idx and, for one
 * customer, refunds_customer_id_created_at_id_idx (migration 20261202100300_refund_list_indexes).
 * The invoice and the credit note's number are scalar subqueries, charged only for the rows kept.
 */
const SELECT = Prisma.sql`t.id::text AS id, t.payment_id::text AS "paymentId",
  (SELECT p.invoice_id::text FROM payments p WHERE p.id = t.payment_id) AS "invoiceId",
  t.customer_id::text AS "customerId", t.amount_minor AS "amountMinor", t.currency::text AS currency,
  t.status::text AS status, t.reason, t.provider, t.provider_refund_id AS "providerRefundId",
  t.credit_note_id::text AS "creditNoteId",
  (SELECT cn.number FROM credit_notes cn WHERE cn.id = t.credit_note_id) AS "creditNoteNumber",
  t.created_at AS "createdAt", t.settled_at AS "settledAt"`;

export function refundList(filters: { customerId?: string; paymentId?: string }): KeysetList {
  const out: Prisma.Sql[] = [];
  if (filters.customerId) out.push(Prisma.sql`t.customer_id = ${filters.customerId}::uuid`);
  if (filters.paymentId) out.push(Prisma.sql`t.payment_id = ${filters.paymentId}::uuid`);
  return {
    table: "refunds",
    idType: "uuid",
    key: ["t.created_at", "t.id"],
    order: "DESC",
    select: SELECT,
    scope: [],
    filters: out,
  };
}

interface RefundListRow extends Omit<RefundView, "amountMinor" | "createdAt" | "settledAt"> {
  amountMinor: bigint;
  createdAt: Date;
  settledAt: Date | null;
}

export const refundViewOf = (r: RefundListRow): RefundView => ({
  ...r,
  amountMinor: minorFromDb(r.amountMinor),
  createdAt: r.createdAt.toISOString(),
  settledAt: r.settledAt?.toISOString() ?? null,
});

/** One page of refunds (staff and API): one indexed statement whatever the depth. */
export async function listRefunds(
  db: Db,
  filters: { customerId?: string; paymentId?: string },
  page: PageRequest,
): Promise<CursorPage<RefundView>> {
  const read = await readKeysetPage<RefundListRow>(db, refundList(filters), page);
  return { ...read, items: read.items.map(refundViewOf) };
}

/** The refunds of one payment, oldest first (a payment has few). */
export async function refundsOfPayment(db: Db, paymentId: string): Promise<RefundView[]> {
  const rows = await db.$queryRaw<RefundListRow[]>`
    SELECT ${SELECT} FROM refunds t WHERE t.payment_id = ${paymentId}::uuid ORDER BY t.created_at, t.id`;
  return rows.map(refundViewOf);
}

/** One refund by id, as the API shows it. */
export async function findRefundView(db: Db, id: string): Promise<RefundView | null> {
  const rows = await db.$queryRaw<RefundListRow[]>`SELECT ${SELECT} FROM refunds t WHERE t.id = ${id}::uuid`;
  const row = rows[0];
  return row ? refundViewOf(row) : null;
}

/** A payment with what was refunded of it (the API's GET /payments/{id}, the staff refund form). */
export async function findPaymentWithRefunds(db: Db, paymentId: string) {
  const p = await db.payment.findUnique({
    where: { id: paymentId },
    select: {
      id: true,
      invoiceId: true,
      customerId: true,
      amountMinor: true,
      currency: true,
      method: true,
      reference: true,
      receivedOn: true,
      checkoutId: true,
      createdAt: true,
      checkout: { select: { provider: true } },
    },
  });
  if (!p) return null;
  const refunds = await refundsOfPayment(db, paymentId);
  const refundedMinor = refunds.filter((r) => r.status !== "FAILED").reduce((a, r) => a + r.amountMinor, 0);
  return {
    id: p.id,
    invoiceId: p.invoiceId,
    customerId: p.customerId,
    amountMinor: minorFromDb(p.amountMinor),
    currency: p.currency,
    method: p.method,
    reference: p.reference,
    receivedOn: p.receivedOn.toISOString().slice(0, 10),
    checkoutId: p.checkoutId,
    provider: p.checkout?.provider ?? null,
    refundedMinor,
    refunds,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The payments of an invoice with what can still be refunded of each (the staff invoice page). */
export async function refundablePaymentsOfInvoice(db: Db, invoiceId: string): Promise<RefundablePaymentView[]> {
  const payments = await db.payment.findMany({
    where: { invoiceId },
    orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }],
    select: { id: true, amountMinor: true, currency: true, method: true, receivedOn: true, checkoutId: true },
  });
  return Promise.all(
    payments.map(async (p) => {
      const refunds = await refundsOfPayment(db, p.id);
      const held = refunds.filter((r) => r.status !== "FAILED").reduce((a, r) => a + r.amountMinor, 0);
      return {
        id: p.id,
        amountMinor: minorFromDb(p.amountMinor),
        currency: p.currency,
        method: p.method,
        receivedOn: p.receivedOn.toISOString().slice(0, 10),
        online: p.checkoutId !== null,
        refundableMinor: minorFromDb(p.amountMinor) - held,
        refunds: refunds.map((r) => ({ id: r.id, amountMinor: r.amountMinor, status: r.status, creditNoteId: r.creditNoteId, creditNoteNumber: r.creditNoteNumber })),
      };
    }),
  );
}
