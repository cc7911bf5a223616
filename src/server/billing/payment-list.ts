import type { PaymentListItemDto, TPaymentListQuery } from "@/contracts/staff-lists";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import { likePattern } from "@/server/db/like-pattern";
import { customerNamed, customerNameOf, invoiceNumberOf } from "@/server/db/list-search";
import type { Db } from "@/server/db/types";

/**
 * The back-office list of payments, newest first: by day received, then by when they were recorded
 * (payments of one day read in the order they were entered), id last. The key
 * (received_on, created_at, id) is served exactly by payments_received_on_created_at_id_idx, and for
 * one customer by payments_customer_id_received_on_created_at_id_idx (migration
 * 20261202070100_more_list_indexes).
 */
const PAYMENT_KEY = ["t.received_on", "t.created_at", "t.id"] as const;

export type PaymentListFilters = Pick<TPaymentListQuery, "q" | "method" | "customerId" | "from" | "to">;

function filterSql(f: PaymentListFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.method) out.push(Prisma.sql`t.method = ${f.method}::payment_method`);
  if (f.customerId) out.push(Prisma.sql`t.customer_id = ${f.customerId}::uuid`);
  if (f.q) {
    // The reference (trigram index), the number of the invoice paid, or the customer's name.
    const p = likePattern(f.q);
    out.push(
      Prisma.sql`(t.reference ILIKE ${p} OR t.invoice_id = ANY(ARRAY(SELECT id FROM invoices WHERE number ILIKE ${p})) OR ${customerNamed(f.q)})`,
    );
  }
  if (f.from) out.push(Prisma.sql`t.received_on >= ${f.from}::date`);
  if (f.to) out.push(Prisma.sql`t.received_on <= ${f.to}::date`);
  return out;
}

export function paymentList(filters: PaymentListFilters): KeysetList {
  return {
    table: "payments",
    idType: "uuid",
    key: PAYMENT_KEY,
    order: "DESC",
    select: Prisma.sql`t.id::text AS id, t.customer_id::text AS "customerId", ${customerNameOf}, t.invoice_id::text AS "invoiceId",
      ${invoiceNumberOf}, t.method::text AS method, t.reference, t.currency, t.received_on AS "receivedOn", t.amount_minor AS "amountMinor"`,
    scope: [],
    filters: filterSql(filters),
  };
}

interface PaymentListRow {
  id: string;
  customerId: string;
  customerName: string;
  invoiceId: string;
  invoiceNumber: string | null;
  method: PaymentListItemDto["method"];
  reference: string;
  currency: string;
  receivedOn: Date;
  amountMinor: bigint;
}

/** One page of payments: one indexed statement whatever the page's depth. */
export async function listPaymentsForStaff(
  db: Db,
  filters: PaymentListFilters,
  page: PageRequest,
): Promise<CursorPage<PaymentListItemDto>> {
  const read = await readKeysetPage<PaymentListRow>(db, paymentList(filters), page);
  return {
    ...read,
    items: read.items.map((r) => ({
      id: r.id,
      customerId: r.customerId,
      customerName: r.customerName,
      invoice: { id: r.invoiceId, number: r.invoiceNumber },
      method: r.method,
      reference: r.reference,
      currency: r.currency,
      receivedOn: dateFromDb(r.receivedOn),
      amountMinor: minorFromDb(r.amountMinor),
    })),
  };
}
