// Set-based seeding for bench/billing-run.ts: N customers in a steady state, as if daily runs had been
// going on for a while, written with INSERT … SELECT over generate_series and temporary tables (never
// a row at a time, never through the ORM).
import type { Client } from "pg";

/**
 * Seeds `n` customers, each with 2 or 3 subscriptions of mixed cycles, whose renewal dates D fall on
 * `asOf + r`, r = 0…29 spread evenly (so about 1/30 of them renew on a given day; a third subscription
 * renews 11 days after the first two). What daily runs would already have done is there too: the
 * renewal invoices of the subscriptions renewing within the lead time (D - 15 < asOf) are issued,
 * with their ISSUED events and renewal claims; 90 % are paid; the unpaid 10 % carry the reminder
 * events that earlier runs sent. Tick is called after each statement.
 */
export async function seedBillingCustomers(
  pg: Client,
  n: number,
  asOf: string,
  tick: (step: string) => void,
) {
  const lead = 15;
  const steps: [string, string, unknown[]][] = [
    [
      "product",
      `INSERT INTO products (id, code, kind, name, tax_rate_bp) VALUES (gen_random_uuid(), 'BENCH-SRV', 'DEDICATED_SERVER', 'Serveur dédié', 2000)`,
      [],
    ],
    [
      "customer ids",
      "CREATE TEMP TABLE bc AS SELECT g, gen_random_uuid() AS id FROM generate_series(1, $1::int) g",
      [n],
    ],
    [
      "customers",
      `INSERT INTO customers (id, legal_name, billing_email, locale, time_zone, updated_at)
       SELECT id, 'Bench ' || lpad(g::text, 7, '0'), 'bench-' || g || '@example.com', (ARRAY['fr', 'en', 'es'])[1 + g % 3],
              (ARRAY['Europe/Paris', 'America/Sao_Paulo', 'America/New_York', 'UTC'])[1 + g % 4], now()
       FROM bc`,
      [],
    ],
    [
      "subscription plan",
      `CREATE TEMP TABLE bs AS
       SELECT gen_random_uuid() AS id, bc.id AS customer_id, bc.g, k,
              (ARRAY['MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL'])[1 + (g * 3 + k) % 4] AS cycle,
              $1::date + ((g * 7 + CASE WHEN k = 3 THEN 11 ELSE 0 END) % 30) AS d
       FROM bc CROSS JOIN LATERAL generate_series(1, 2 + g % 2) k`,
      [asOf],
    ],
    [
      "subscriptions",
      `INSERT INTO subscriptions (id, customer_id, product_id, description, quantity, unit_amount_minor, currency, tax_rate_bp, cycle, anchor_day, current_period_start, current_period_end)
       SELECT bs.id, customer_id, p.id, 'Serveur ' || k, 1 + g % 3, 1900 + (g * 13 % 50) * 100, 'EUR', CASE WHEN k = 2 THEN 1000 ELSE 2000 END,
              cycle::billing_cycle, extract(day FROM d)::int, (d - (CASE cycle WHEN 'MONTHLY' THEN 1 WHEN 'QUARTERLY' THEN 3 WHEN 'SEMIANNUAL' THEN 6 ELSE 12 END) * interval '1 month')::date, d
       FROM bs, products p WHERE p.code = 'BENCH-SRV'`,
      [],
    ],
    [
      "issued renewals plan",
      `CREATE TEMP TABLE bi AS
       SELECT gen_random_uuid() AS id, customer_id, d, min(g) AS g, min(id::text COLLATE "C") AS first_sub
       FROM bs WHERE d - $1::date < ${lead} GROUP BY customer_id, d`,
      [asOf],
    ],
    [
      "renewal lines plan",
      `CREATE TEMP TABLE bl AS
       SELECT gen_random_uuid() AS id, bi.id AS invoice_id, row_number() OVER (PARTITION BY bi.id ORDER BY bs.id) AS position, bs.id AS subscription_id,
              s.description, s.product_id, s.quantity, s.unit_amount_minor, s.unit_amount_minor * s.quantity::bigint AS net, s.tax_rate_bp, bs.d AS period_start,
              (bs.d + (CASE bs.cycle WHEN 'MONTHLY' THEN 1 WHEN 'QUARTERLY' THEN 3 WHEN 'SEMIANNUAL' THEN 6 ELSE 12 END) * interval '1 month')::date AS period_end
       FROM bi JOIN bs ON bs.customer_id = bi.customer_id AND bs.d = bi.d JOIN subscriptions s ON s.id = bs.id`,
      [],
    ],
    [
      "renewal invoices (drafts)",
      `INSERT INTO invoices (id, customer_id, status, currency, net_minor, tax_minor, gross_minor, created_at)
       SELECT bi.id, bi.customer_id, 'DRAFT', 'EUR', t.net, t.tax, t.net + t.tax, now()
       FROM bi JOIN (SELECT invoice_id, sum(net)::bigint AS net, sum(round(net * tax_rate_bp / 10000.0))::bigint AS tax FROM bl GROUP BY invoice_id) t ON t.invoice_id = bi.id`,
      [],
    ],
    [
      "renewal lines",
      `INSERT INTO invoice_lines (id, invoice_id, position, description, product_id, subscription_id, quantity, unit_amount_minor, net_minor, tax_rate_bp, period_start, period_end)
       SELECT id, invoice_id, position, description, product_id, subscription_id, quantity, unit_amount_minor, net, tax_rate_bp, period_start, period_end FROM bl`,
      [],
    ],
    [
      "tax lines",
      `INSERT INTO invoice_tax_lines (invoice_id, tax_rate_bp, net_minor, tax_minor)
       SELECT invoice_id, tax_rate_bp, sum(net), sum(round(net * tax_rate_bp / 10000.0)) FROM bl GROUP BY invoice_id, tax_rate_bp`,
      [],
    ],
    [
      "issue them (90 % paid)",
      `UPDATE invoices i SET status = (CASE WHEN abs(hashtext(bi.g::text)) % 10 = 0 THEN 'OPEN' ELSE 'PAID' END)::invoice_status, number = 'SEED-' || lpad(bi.g::text, 7, '0') || '-' || to_char(bi.d, 'YYYYMMDD'),
              issue_date = bi.d - ${lead}, due_date = bi.d, issued_at = bi.d - ${lead} + time '05:00', buyer = '{}'::jsonb, seller = '{"name": "Bench"}'::jsonb,
              paid_minor = CASE WHEN abs(hashtext(bi.g::text)) % 10 = 0 THEN 0 ELSE i.gross_minor END, paid_at = CASE WHEN abs(hashtext(bi.g::text)) % 10 = 0 THEN NULL ELSE bi.d - ${lead} + time '10:00' END
       FROM bi WHERE i.id = bi.id`,
      [],
    ],
    [
      "renewal claims",
      `INSERT INTO renewal_claims (subscription_id, period_start, invoice_id, created_at) SELECT subscription_id, period_start, invoice_id, now() FROM bl`,
      [],
    ],
    [
      "issued events",
      `INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, details, at)
       SELECT 'renewal:' || first_sub || ':' || d, 'ISSUED', 'RENEWAL', customer_id, id, jsonb_build_object('renewalDate', d), d - ${lead} + time '05:00' FROM bi`,
      [],
    ],
    [
      "reminders already sent",
      `INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, details, at)
       SELECT 'renewal:' || first_sub || ':' || d || ':reminder:' || r, 'REMINDER_SENT', 'UNPAID', customer_id, id, jsonb_build_object('daysBeforeDue', r), d - r + time '05:00'
       FROM bi CROSS JOIN unnest(ARRAY[10, 5, 1]) r WHERE abs(hashtext(bi.g::text)) % 10 = 0 AND d - r < $1::date`,
      [asOf],
    ],
    ["drop the plans", "DROP TABLE bl, bi, bs, bc", []],
    ["vacuum analyze", "VACUUM ANALYZE", []],
  ];
  for (const [step, sql, values] of steps) {
    await pg.query(sql, values);
    tick(step);
  }
}

export const SEED_STEPS = 16;
