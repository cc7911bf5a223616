import type { Db } from "@/server/db/types";

/**
 * Set-based loaders for the lists other than invoices (see bulk-ledger.ts for those): one
 * INSERT … SELECT generate_series per call. Rows come with ties on the sort key (several rows on the
 * same instant or day), so that only the id tie-breaker orders them, and rows numbered `g` = 1…count
 * get newer as `g` grows (in the lists' newest-first order, the row numbered `count` is first).
 */

/** Orders `<prefix>-<g>` of `customerIds` (round robin), three per instant from `from`, one line each (two when g is even). */
export async function bulkInsertPurchaseOrders(
  db: Db,
  o: {
    customerIds: string[];
    count: number;
    prefix: string;
    from: string;
    productId: string;
    preparedById: string;
    statuses?: string[];
  },
) {
  const statuses = o.statuses ?? ["DRAFT", "SENT", "ACCEPTED", "DECLINED", "CANCELLED"];
  await db.$executeRaw`
    WITH orders AS (
      INSERT INTO purchase_orders (id, number, customer_id, status, currency, prepared_by_id, created_at)
      SELECT gen_random_uuid(), ${o.prefix} || '-' || lpad(g::text, 7, '0'), (${o.customerIds}::uuid[])[1 + (g % ${o.customerIds.length}::int)],
             (${statuses}::text[])[1 + (g % ${statuses.length}::int)]::purchase_order_status, 'EUR', ${o.preparedById}::uuid,
             ${o.from}::timestamptz + ((g - 1) / 3) * interval '1 minute'
      FROM generate_series(1, ${o.count}::int) g
      RETURNING id, number)
    INSERT INTO purchase_order_lines (id, purchase_order_id, position, product_id, description, quantity, unit_amount_minor, tax_rate_bp, cycle)
    SELECT gen_random_uuid(), orders.id, p, ${o.productId}::uuid, 'Line ' || p, 1, 1000 * p, 2000, 'MONTHLY'
    FROM orders CROSS JOIN LATERAL generate_series(1, 1 + (right(orders.number, 1)::int + 1) % 2) p`;
}

/** Credit notes `<prefix>-<g>` on one invoice, three per day from `firstDay` (numbers order them within a day). */
export async function bulkInsertCreditNotes(
  db: Db,
  o: { invoiceId: string; customerId: string; count: number; prefix: string; firstDay: string },
) {
  await db.$executeRaw`
    INSERT INTO credit_notes (id, number, invoice_id, customer_id, currency, issue_date, reason, net_minor, tax_minor, gross_minor, seller)
    SELECT gen_random_uuid(), ${o.prefix} || '-' || lpad(g::text, 7, '0'), ${o.invoiceId}::uuid, ${o.customerId}::uuid, 'EUR',
           ${o.firstDay}::date + (g - 1) / 3, 'bulk', 100, 20, 120,
           -- A credit note carries its seller (ADR 0011): the credited invoice's.
           COALESCE((SELECT seller FROM invoices WHERE id = ${o.invoiceId}::uuid), '{"bulk": true}'::jsonb)
    FROM generate_series(1, ${o.count}::int) g`;
}

/** Payments of one invoice, three per day from `firstDay`, two of each three recorded at the same instant. */
export async function bulkInsertPayments(
  db: Db,
  o: { invoiceId: string; customerId: string; count: number; prefix: string; firstDay: string },
) {
  await db.$executeRaw`
    INSERT INTO payments (id, invoice_id, customer_id, amount_minor, currency, method, reference, received_on, created_at)
    SELECT gen_random_uuid(), ${o.invoiceId}::uuid, ${o.customerId}::uuid, 100, 'EUR',
           (ARRAY['CARD', 'BANK_DEBIT', 'TRANSFER', 'CHEQUE', 'CASH'])[1 + g % 5]::payment_method, ${o.prefix} || '-' || lpad(g::text, 7, '0'),
           d.day, d.day + time '09:00' + ((g - 1) % 3 / 2) * interval '1 minute'
    FROM generate_series(1, ${o.count}::int) g
    CROSS JOIN LATERAL (SELECT ${o.firstDay}::date + (g - 1) / 3 AS day) d`;
}

/** Monthly subscriptions of `customerIds` (round robin), three per instant from `from`. */
export async function bulkInsertSubscriptions(
  db: Db,
  o: { customerIds: string[]; count: number; productId: string; from: string },
) {
  await db.$executeRaw`
    INSERT INTO subscriptions (id, customer_id, product_id, description, quantity, unit_amount_minor, currency, tax_rate_bp, cycle, anchor_day,
                               current_period_start, current_period_end, created_at)
    SELECT gen_random_uuid(), (${o.customerIds}::uuid[])[1 + (g % ${o.customerIds.length}::int)], ${o.productId}::uuid, 'Bulk ' || g, 1, 9900, 'EUR', 2000,
           'MONTHLY', 1, date '2026-01-01', date '2026-02-01', ${o.from}::timestamptz + ((g - 1) / 3) * interval '1 minute'
    FROM generate_series(1, ${o.count}::int) g`;
}

/**
 * Audit events by `actorEmail`, inserted out of time order (ids do not follow `at`), two per instant,
 * alternating between `actions`.
 */
export async function bulkInsertAuditEvents(
  db: Db,
  o: { actorEmail: string; count: number; from: string; actions: string[] },
) {
  await db.$executeRaw`
    INSERT INTO audit_events (at, actor_email, action, target_type, target_id)
    SELECT ${o.from}::timestamptz + (((g * 7) % ${o.count}::int) / 2) * interval '1 second', ${o.actorEmail},
           (${o.actions}::text[])[1 + g % ${o.actions.length}::int], 'invoice', 'bulk-' || g
    FROM generate_series(1, ${o.count}::int) g`;
}
