// Timeline read cost against table size (ADR 0017): loads N issued invoices, each with a payment,
// two e-mails with an open and a click, and two billing events, then times getInvoiceTimeline for
// random invoices and shows the plan. Usage: DATABASE_URL=... npx tsx bench/timelines.ts [N]
import fs from "node:fs";
import { createPrismaClient } from "@/server/db/client";
import { getInvoiceTimeline } from "@/server/timelines/get-invoice-timeline";
import { bulkInsertCustomers, bulkInsertInvoices } from "../tests/support/bulk-ledger";

const N = Number(process.argv[2] ?? 100_000);
const db = createPrismaClient(process.env.DATABASE_URL ?? "");
try {
  const prefix = `TL${Date.now()}`;
  const customers = await bulkInsertCustomers(db, Math.max(1, Math.floor(N / 50)), prefix);
  await bulkInsertInvoices(db, {
    customerIds: customers,
    count: N,
    prefix,
    firstDay: "2025-01-01",
    days: 365,
  });
  const ids = (
    await db.$queryRaw<
      { id: string }[]
    >`SELECT id::text AS id FROM invoices WHERE number LIKE ${`${prefix}-%`}`
  ).map((r) => r.id);
  await db.$executeRaw`
    INSERT INTO payments (id, invoice_id, customer_id, amount_minor, currency, method, received_on, created_at)
    SELECT gen_random_uuid(), i.id, i.customer_id, i.gross_minor, i.currency, 'TRANSFER', i.issue_date + 3, i.issued_at + interval '3 days' FROM invoices i WHERE i.id = ANY(${ids}::uuid[])`;
  await db.$executeRaw`
    INSERT INTO outbound_emails (id, dedupe_key, to_address, locale, template, subject, html, text, status, created_at, sent_at, invoice_id)
    SELECT gen_random_uuid(), ${prefix} || t.template || i.id, 'ap@example.com', 'fr', t.template, 's', 'h', 't', 'SENT', i.issued_at + t.after, i.issued_at + t.after, i.id
    FROM invoices i CROSS JOIN (VALUES ('renewalInvoice', interval '0'), ('paymentReminder', interval '2 days')) t(template, after) WHERE i.id = ANY(${ids}::uuid[])`;
  await db.$executeRaw`
    INSERT INTO email_events (email_id, kind, link, at, last_at)
    SELECT m.id, k.kind::email_event_kind, k.link, m.created_at + interval '1 hour', m.created_at + interval '1 hour'
    FROM outbound_emails m CROSS JOIN (VALUES ('OPENED', ''), ('CLICKED', '/portal')) k(kind, link) WHERE m.invoice_id = ANY(${ids}::uuid[])`;
  await db.$executeRaw`
    INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, details, at)
    SELECT ${prefix} || k.kind || i.id, k.kind, 'UNPAID', i.customer_id, i.id, '{}'::jsonb, i.issued_at + interval '2 days'
    FROM invoices i CROSS JOIN (VALUES ('REMINDER_SENT'), ('SUSPENDED')) k(kind) WHERE i.id = ANY(${ids}::uuid[])`;
  await db.$executeRawUnsafe("ANALYZE");

  const sample = Array.from({ length: 200 }, (_, i) => ids[(i * 7919) % ids.length] as string);
  for (const id of sample.slice(0, 20)) await getInvoiceTimeline(db, id); // warm up
  const times: number[] = [];
  let entries = 0;
  for (const id of sample) {
    const t0 = performance.now();
    entries += (await getInvoiceTimeline(db, id))?.length ?? 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const [plan] = await db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM payments WHERE invoice_id = $1::uuid UNION ALL SELECT 1 FROM outbound_emails m JOIN email_events e ON e.email_id = m.id WHERE m.invoice_id = $1::uuid UNION ALL SELECT 1 FROM billing_events WHERE invoice_id = $1::uuid AND kind IN ('REMINDER_SENT')",
    sample[0],
  );
  const result = {
    invoices: N,
    rowsPerInvoice: { payments: 1, emails: 2, emailEvents: 4, billingEvents: 2 },
    entriesPerTimeline: entries / sample.length,
    ms: {
      p50: times[Math.floor(times.length / 2)],
      p95: times[Math.floor(times.length * 0.95)],
      max: times.at(-1),
    },
    seqScans: JSON.stringify(plan).match(/"Seq Scan"/g)?.length ?? 0,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(`bench/results/timelines-${N}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  await db.$disconnect();
}
