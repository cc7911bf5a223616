import type { TimelineRow } from "@/domain/timeline/timeline";
import type { Db } from "@/server/db/types";

/**
 * The timelines, each read in ONE statement (a UNION ALL, one round trip, no N+1) from the ledger's
 * own tables: invoices.issued_at / voided_at, payments, credit_notes, subscription_status_changes,
 * outbound_emails with their email_events. billing_events contributes only the kinds nothing else
 * records (reminders, dunning steps, reinstatements, period starts, cycle changes): other writers
 * may also log ISSUED, PAYMENT_RECORDED, VOIDED or CREDITED there, and those must not show twice.
 * Every branch is served by an index on its foreign key (invoice_id, subscription_id, email_id).
 */
interface RawRow {
  at: Date;
  kind: string;
  source: string | null;
  invoice_id: string | null;
  subscription_id: string | null;
  email_id: string | null;
  details: Record<string, unknown> | null;
}

const toRow = (r: RawRow): TimelineRow => ({
  at: r.at,
  kind: r.kind,
  source: r.source,
  invoiceId: r.invoice_id,
  subscriptionId: r.subscription_id,
  emailId: r.email_id,
  details: r.details ?? {},
});

/** Everything that happened to one invoice. The caller has checked the reader may see it. */
export async function invoiceTimelineRows(db: Db, invoiceId: string): Promise<TimelineRow[]> {
  const rows = await db.$queryRaw<RawRow[]>`
    WITH target AS (SELECT id, number, issued_at, voided_at, issued_by_id FROM invoices WHERE id = ${invoiceId}::uuid)
    SELECT t.issued_at AS at, 'ISSUED' AS kind, NULL AS source, t.id::text AS invoice_id, NULL AS subscription_id, NULL AS email_id,
           jsonb_build_object('number', t.number, 'manual', t.issued_by_id IS NOT NULL,
             'runAsOf', (SELECT r.as_of::text FROM billing_events b JOIN billing_runs r ON r.id = b.run_id WHERE b.invoice_id = t.id AND b.kind = 'ISSUED' LIMIT 1)) AS details
    FROM target t WHERE t.issued_at IS NOT NULL
    UNION ALL
    SELECT t.voided_at, 'VOIDED', NULL, t.id::text, NULL, NULL, '{}'::jsonb FROM target t WHERE t.voided_at IS NOT NULL
    UNION ALL
    SELECT p.created_at, 'PAYMENT_RECORDED', NULL, p.invoice_id::text, NULL, NULL,
           jsonb_build_object('amountMinor', p.amount_minor, 'currency', p.currency, 'method', p.method::text, 'receivedOn', p.received_on::text, 'reference', p.reference)
    FROM payments p WHERE p.invoice_id = ${invoiceId}::uuid
    UNION ALL
    SELECT c.created_at, 'CREDITED', c.reason, c.invoice_id::text, NULL, NULL,
           jsonb_build_object('number', c.number, 'grossMinor', c.gross_minor, 'currency', c.currency, 'creditNoteId', c.id)
    FROM credit_notes c WHERE c.invoice_id = ${invoiceId}::uuid
    UNION ALL
    SELECT m.created_at, 'EMAILED', m.template, m.invoice_id::text, NULL, m.id::text,
           jsonb_build_object('template', m.template, 'to', m.to_address, 'status', m.status::text, 'attachments', m.attachments)
    FROM outbound_emails m WHERE m.invoice_id = ${invoiceId}::uuid
    UNION ALL
    SELECT m.sent_at, 'DELIVERED', m.template, m.invoice_id::text, NULL, m.id::text, jsonb_build_object('smtpResponse', m.smtp_response)
    FROM outbound_emails m WHERE m.invoice_id = ${invoiceId}::uuid AND m.status = 'SENT' AND m.sent_at IS NOT NULL
    UNION ALL
    SELECT e.at, e.kind::text, m.template, m.invoice_id::text, NULL, m.id::text, jsonb_build_object('link', e.link, 'count', e.count, 'lastAt', e.last_at)
    FROM outbound_emails m JOIN email_events e ON e.email_id = m.id WHERE m.invoice_id = ${invoiceId}::uuid
    UNION ALL
    SELECT b.at, b.kind, b.cause, b.invoice_id::text, b.subscription_id::text, NULL, b.details || jsonb_build_object('runAsOf', r.as_of::text)
    FROM billing_events b LEFT JOIN billing_runs r ON r.id = b.run_id
    WHERE b.invoice_id = ${invoiceId}::uuid AND b.kind IN ('REMINDER_SENT', 'SUSPENDED', 'TERMINATED', 'REINSTATED')
    ORDER BY 1`;
  return rows.map(toRow);
}

/**
 * Everything that happened to one subscription: its status changes (their reasons), the billing
 * run's period starts and cycle changes, and the life of every invoice that bills it.
 */
export async function subscriptionTimelineRows(db: Db, subscriptionId: string): Promise<TimelineRow[]> {
  const rows = await db.$queryRaw<RawRow[]>`
    WITH billed AS (
      SELECT DISTINCT i.id, i.number, i.issued_at, i.voided_at, i.issued_by_id
      FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
      WHERE l.subscription_id = ${subscriptionId}::uuid AND i.status <> 'DRAFT'
    )
    SELECT h.at, CASE WHEN h.from_status IS NULL THEN 'CREATED' WHEN h.to_status = 'ACTIVE' THEN 'REINSTATED' ELSE h.to_status::text END AS kind,
           h.reason AS source, NULL AS invoice_id, h.subscription_id::text AS subscription_id, NULL AS email_id,
           jsonb_build_object('from', h.from_status::text, 'to', h.to_status::text, 'manual', h.actor_user_id IS NOT NULL) AS details
    FROM subscription_status_changes h WHERE h.subscription_id = ${subscriptionId}::uuid
    UNION ALL
    SELECT b.at, b.kind, b.cause, b.invoice_id::text, b.subscription_id::text, NULL, b.details || jsonb_build_object('runAsOf', r.as_of::text)
    FROM billing_events b LEFT JOIN billing_runs r ON r.id = b.run_id
    WHERE b.subscription_id = ${subscriptionId}::uuid AND b.kind IN ('PERIOD_STARTED', 'CYCLE_LENGTHENED')
    UNION ALL
    SELECT t.issued_at, 'ISSUED', NULL, t.id::text, NULL, NULL,
           jsonb_build_object('number', t.number, 'manual', t.issued_by_id IS NOT NULL,
             'runAsOf', (SELECT r.as_of::text FROM billing_events b JOIN billing_runs r ON r.id = b.run_id WHERE b.invoice_id = t.id AND b.kind = 'ISSUED' LIMIT 1))
    FROM billed t WHERE t.issued_at IS NOT NULL
    UNION ALL
    SELECT t.voided_at, 'VOIDED', NULL, t.id::text, NULL, NULL, jsonb_build_object('number', t.number) FROM billed t WHERE t.voided_at IS NOT NULL
    UNION ALL
    SELECT p.created_at, 'PAYMENT_RECORDED', NULL, p.invoice_id::text, NULL, NULL,
           jsonb_build_object('amountMinor', p.amount_minor, 'currency', p.currency, 'method', p.method::text, 'receivedOn', p.received_on::text, 'reference', p.reference)
    FROM payments p JOIN billed t ON t.id = p.invoice_id
    UNION ALL
    SELECT c.created_at, 'CREDITED', c.reason, c.invoice_id::text, NULL, NULL,
           jsonb_build_object('number', c.number, 'grossMinor', c.gross_minor, 'currency', c.currency, 'creditNoteId', c.id)
    FROM credit_notes c JOIN billed t ON t.id = c.invoice_id
    UNION ALL
    SELECT b.at, b.kind, b.cause, b.invoice_id::text, NULL, NULL, b.details || jsonb_build_object('runAsOf', r.as_of::text)
    FROM billing_events b JOIN billed t ON t.id = b.invoice_id LEFT JOIN billing_runs r ON r.id = b.run_id
    WHERE b.kind = 'REMINDER_SENT'
    ORDER BY 1`;
  return rows.map(toRow);
}

/** Whether the invoice exists for this reader: any for staff, only their company's issued ones for a customer. */
export async function invoiceVisible(
  db: Db,
  invoiceId: string,
  scope: { staff: true } | { customerId: string },
): Promise<boolean> {
  const rows =
    "customerId" in scope
      ? await db.$queryRaw<
          unknown[]
        >`SELECT 1 FROM invoices WHERE id = ${invoiceId}::uuid AND customer_id = ${scope.customerId}::uuid AND status <> 'DRAFT'`
      : await db.$queryRaw<unknown[]>`SELECT 1 FROM invoices WHERE id = ${invoiceId}::uuid`;
  return rows.length === 1;
}

export async function subscriptionExists(db: Db, subscriptionId: string): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM subscriptions WHERE id = ${subscriptionId}::uuid`;
  return rows.length === 1;
}
