import type { SuspensionNoticeDto } from "@/contracts/subscription-views";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/**
 * The portal's banner while a service is suspended for non-payment: one query over the customer's
 * open holds. Paying every listed invoice restores the services at once (reinstate-on-settlement).
 * A service suspended by hand, with no unpaid invoice behind it, is not listed here: paying
 * something would not bring it back.
 */
export async function findSuspensionNotice(db: Db, customerId: string): Promise<SuspensionNoticeDto | null> {
  const rows = await db.$queryRaw<{ invoiceId: string; number: string; due: bigint; currency: string; services: string[] }[]>`
    SELECT i.id::text AS "invoiceId", i.number, i.gross_minor - i.paid_minor - i.credited_minor AS due, i.currency,
      array_agg(s.description ORDER BY s.description) AS services
    FROM subscription_holds h
    JOIN subscriptions s ON s.id = h.subscription_id AND s.status = 'SUSPENDED'
    JOIN invoices i ON i.id = h.invoice_id
    WHERE s.customer_id = ${customerId}::uuid AND h.released_at IS NULL AND i.status = 'OPEN'
    GROUP BY i.id ORDER BY i.due_date, i.number`;
  if (rows.length === 0) return null;
  return { invoices: rows.map((r) => ({ invoiceId: r.invoiceId, number: r.number, amountDueMinor: minorFromDb(r.due), currency: r.currency, services: r.services })) };
}
