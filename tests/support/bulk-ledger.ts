import type { Db } from "@/server/db/types";

/**
 * Set-based loaders for tests and benchmarks that need many rows: one INSERT … SELECT
 * generate_series per call, never a row at a time. Rows are valid for every constraint of the
 * ledger (issued invoices have a number and dates; paid ones are settled), without lines.
 */
export async function bulkInsertCustomers(db: Db, count: number, prefix: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO customers (id, legal_name, billing_email, locale, updated_at)
    SELECT gen_random_uuid(), ${prefix} || ' ' || lpad(g::text, 6, '0'), lower(${prefix}) || '-' || g || '@example.com', 'fr', now()
    FROM generate_series(1, ${count}::int) g
    RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}

/**
 * `count` issued invoices spread over `customerIds` (round robin) and over `days` days from `firstDay`,
 * numbered `<prefix>-<seq>`: 70 % paid, 20 % open (due 30 days after issue), 10 % void.
 */
export async function bulkInsertInvoices(db: Db, opts: { customerIds: string[]; count: number; prefix: string; firstDay: string; days: number; currency?: string }) {
  const n = opts.customerIds.length;
  await db.$executeRaw`
    INSERT INTO invoices (id, number, customer_id, status, currency, issue_date, due_date, net_minor, tax_minor, gross_minor, paid_minor, created_at, issued_at, paid_at)
    SELECT gen_random_uuid(), ${opts.prefix} || '-' || lpad(g::text, 7, '0'), (${opts.customerIds}::uuid[])[1 + (g % ${n}::int)],
           s.status::invoice_status, ${opts.currency ?? "EUR"}, d.day, d.day + 30, s.gross - s.gross / 6, s.gross / 6, s.gross,
           CASE WHEN s.status = 'PAID' THEN s.gross ELSE 0 END, d.day + time '09:00', d.day + time '09:00',
           CASE WHEN s.status = 'PAID' THEN d.day + time '10:00' END
    FROM generate_series(1, ${opts.count}::int) g
    CROSS JOIN LATERAL (SELECT ${opts.firstDay}::date + ((g::bigint * ${opts.days}::int) / ${opts.count}::int)::int AS day) d
    CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 7 THEN 'PAID' WHEN g % 10 < 9 THEN 'OPEN' ELSE 'VOID' END AS status, (1000 + (g * 37) % 100000)::bigint AS gross) s`;
}
