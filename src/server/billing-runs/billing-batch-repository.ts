import type { TEmailAttachment } from "@/contracts/email-evidence";
import type { DocumentKind, SubscriptionStatus } from "@/generated/prisma/client";
import { idBounds } from "@/server/billing-runs/billing-state-repository";
import type { Db } from "@/server/db/types";
import { OUTBOX_CHANNEL } from "@/server/mail/outbox-repository";

/**
 * The set-based writes of the billing run's batch path (apply-plans-in-batch.ts): each function is one
 * statement over arrays (INSERT … SELECT FROM unnest, UPDATE … FROM unnest), whatever the number of
 * rows, inside the caller's transaction. The UNIQUE keys stay the judges of "exactly once".
 */

export interface EventRow {
  key: string;
  kind: string;
  cause: string;
  customerId: string;
  invoiceId: string | null;
  subscriptionId: string | null;
  details: object;
}

/** Inserts the events whose key is new and returns those keys (ON CONFLICT DO NOTHING: a key taken is an effect already done). */
export async function claimEvents(
  tx: Db,
  rows: EventRow[],
  runId: string | null,
  at: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const won = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, subscription_id, run_id, details, at)
    SELECT k, kd, c, cu, i, s, ${runId}::uuid, d::jsonb, ${at}
    FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.cause)}::text[],
                ${rows.map((r) => r.customerId)}::uuid[], ${rows.map((r) => r.invoiceId)}::uuid[], ${rows.map((r) => r.subscriptionId)}::uuid[],
                ${rows.map((r) => JSON.stringify(r.details))}::text[]) AS x(k, kd, c, cu, i, s, d)
    ON CONFLICT (key) DO NOTHING RETURNING key`;
  return new Set(won.map((r) => r.key));
}

/**
 * The ISSUED events of renewal invoices and the (subscription, period start) claims of their lines, in
 * one statement: an event whose key is new wins its invoice, and only a won invoice's lines are
 * claimed. Returns the won keys and how many claims were new (fewer than the won invoices' lines: a
 * period claimed under another key, which the caller leaves to the single path).
 */
export async function claimIssues(
  tx: Db,
  events: EventRow[],
  claims: { subscriptionId: string; periodStart: string; invoiceId: string }[],
  runId: string | null,
  at: Date,
): Promise<{ won: Set<string>; claimed: number }> {
  if (events.length === 0) return { won: new Set(), claimed: 0 };
  const rows = await tx.$queryRaw<{ key: string | null; claimed: number }[]>`
    WITH won AS (
      INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, subscription_id, run_id, details, at)
      SELECT k, kd, c, cu, i, s, ${runId}::uuid, d::jsonb, ${at}
      FROM unnest(${events.map((r) => r.key)}::text[], ${events.map((r) => r.kind)}::text[], ${events.map((r) => r.cause)}::text[],
                  ${events.map((r) => r.customerId)}::uuid[], ${events.map((r) => r.invoiceId)}::uuid[], ${events.map((r) => r.subscriptionId)}::uuid[],
                  ${events.map((r) => JSON.stringify(r.details))}::text[]) AS x(k, kd, c, cu, i, s, d)
      ON CONFLICT (key) DO NOTHING RETURNING key, invoice_id
    ), claimed AS (
      INSERT INTO renewal_claims (subscription_id, period_start, invoice_id, created_at)
      SELECT x.s, x.p, x.i, ${at}
      FROM unnest(${claims.map((r) => r.subscriptionId)}::uuid[], ${claims.map((r) => r.periodStart)}::date[], ${claims.map((r) => r.invoiceId)}::uuid[]) AS x(s, p, i)
      JOIN won ON won.invoice_id = x.i
      ON CONFLICT DO NOTHING RETURNING 1
    )
    SELECT won.key, (SELECT count(*) FROM claimed)::int AS claimed FROM won
    UNION ALL SELECT NULL, (SELECT count(*) FROM claimed)::int`;
  return { won: new Set(rows.flatMap((r) => (r.key === null ? [] : [r.key]))), claimed: rows[0]?.claimed ?? 0 };
}

/**
 * Moves each subscription to its new period, only from the period that ends where the new one starts,
 * and records the PERIOD_STARTED event (its key, cause RENEWAL) of each one moved, in one statement; returns how many moved
 * and how many of their events were new (fewer: a key already taken, left to the single path).
 */
export async function startPeriodsWithEvents(
  tx: Db,
  rows: { subscriptionId: string; start: string; end: string; key: string; customerId: string; details: object }[],
  runId: string | null,
  at: Date,
): Promise<{ moved: number; recorded: number }> {
  if (rows.length === 0) return { moved: 0, recorded: 0 };
  const [counts] = await tx.$queryRaw<{ moved: number; recorded: number }[]>`
    WITH x AS (
      SELECT * FROM unnest(${rows.map((r) => r.subscriptionId)}::uuid[], ${rows.map((r) => r.start)}::date[], ${rows.map((r) => r.end)}::date[],
                           ${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.customerId)}::uuid[],
                           ${rows.map((r) => JSON.stringify(r.details))}::text[]) AS x(id, ps, pe, k, cu, d)
    ), moved AS (
      UPDATE subscriptions s SET current_period_start = x.ps, current_period_end = x.pe
      FROM x WHERE s.id = x.id AND s.current_period_end = x.ps
      RETURNING s.id
    ), recorded AS (
      INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, subscription_id, run_id, details, at)
      SELECT x.k, 'PERIOD_STARTED', 'RENEWAL', x.cu, NULL, x.id, ${runId}::uuid, x.d::jsonb, ${at}
      FROM x JOIN moved ON moved.id = x.id
      ON CONFLICT (key) DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM recorded)::int AS recorded`;
  return counts ?? { moved: 0, recorded: 0 };
}

/**
 * What renewal lines copy from their subscriptions, and what invoices print of their customers: raw
 * statements over arrays, as the rest of the batch (the ORM's row mapping cost more than the reads).
 * The customers of a batch are a stretch of the id order: the bounds keep the planner on the index.
 */
export async function subscriptionsForRenewal(tx: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.$queryRaw<
    { id: string; description: string; productId: string; quantity: string; unitAmountMinor: bigint; taxRateBp: number; currency: string }[]
  >`
    SELECT id::text AS id, description, product_id::text AS "productId", quantity::text AS quantity,
           unit_amount_minor AS "unitAmountMinor", tax_rate_bp AS "taxRateBp", currency
    FROM subscriptions WHERE id = ANY(${ids}::uuid[])`;
}

/** What a renewal invoice and its e-mail need of the customer: the buyer block and where to write. */
export interface InvoicingCustomer {
  id: string;
  legalName: string;
  billingEmail: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
  taxId: string | null;
  locale: string;
}

export async function customersForInvoicing(tx: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const [lo, hi] = idBounds(ids);
  return tx.$queryRaw<InvoicingCustomer[]>`
    SELECT id::text AS id, legal_name AS "legalName", billing_email AS "billingEmail", address_line1 AS "addressLine1",
           address_line2 AS "addressLine2", postal_code AS "postalCode", city, country, tax_id AS "taxId", locale
    FROM customers WHERE id = ANY(${ids}::uuid[]) AND id BETWEEN ${lo}::uuid AND ${hi}::uuid`;
}

export interface OwedInvoice {
  id: string;
  customerId: string;
  number: string | null;
  currency: string;
  owed: bigint;
  dueDate: Date | null;
}

/** Locks the listed invoices that are still OPEN with something owed (id order, the same for every locker). */
export async function lockOwedInvoices(tx: Db, ids: string[]): Promise<OwedInvoice[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<OwedInvoice[]>`
    SELECT id::text AS id, customer_id::text AS "customerId", number, currency, gross_minor - paid_minor - credited_minor AS owed, due_date AS "dueDate"
    FROM invoices WHERE id = ANY(${ids}::uuid[]) AND status = 'OPEN' AND gross_minor - paid_minor - credited_minor > 0
    ORDER BY id FOR UPDATE`;
}

/**
 * Takes `count` consecutive numbers of a per-year sequence at once: the first one is returned, the
 * counter row stays locked until the transaction ends (a rollback gives them all back: no gaps).
 */
export async function takeSequenceRange(
  tx: Db,
  kind: DocumentKind,
  year: number,
  count: number,
): Promise<number> {
  const rows = await tx.$queryRaw<{ first: number }[]>`
    INSERT INTO document_sequences (kind, year, next_value) VALUES (${kind}::document_kind, ${year}, ${count + 1})
    ON CONFLICT (kind, year) DO UPDATE SET next_value = document_sequences.next_value + ${count}
    RETURNING next_value - ${count} AS first`;
  const first = rows[0]?.first;
  if (first === undefined) throw new Error("document sequence returned no row");
  return Number(first);
}

export interface IssuedInvoiceRow {
  id: string;
  customerId: string;
  currency: string;
  status: "OPEN" | "PAID";
  number: string;
  issueDate: string;
  dueDate: string;
  netMinor: bigint;
  taxMinor: bigint;
  grossMinor: bigint;
  buyer: object;
}
export interface LineRow {
  invoiceId: string;
  position: number;
  description: string;
  productId: string;
  subscriptionId: string;
  quantity: string;
  unitAmountMinor: bigint;
  netMinor: bigint;
  taxRateBp: number;
  periodStart: string;
  periodEnd: string;
}
export interface TaxLineRow {
  invoiceId: string;
  taxRateBp: number;
  netMinor: bigint;
  taxMinor: bigint;
}

const big = (values: bigint[]) => values.map(String);

/**
 * Writes invoices as drafts with their totals, lines and tax lines, in one statement (the freeze
 * trigger takes children only under a draft; the foreign keys and the trigger are checked at the
 * statement's end, when the drafts are there). issueDrafts then numbers and issues them.
 */
export async function insertDrafts(tx: Db, invoices: IssuedInvoiceRow[], lines: LineRow[], taxLines: TaxLineRow[], now: Date) {
  if (invoices.length === 0) return;
  await tx.$executeRaw`
    WITH drafts AS (
      INSERT INTO invoices (id, customer_id, status, currency, net_minor, tax_minor, gross_minor, created_at)
      SELECT i, c, 'DRAFT', cur, n, t, g, ${now}
      FROM unnest(${invoices.map((r) => r.id)}::uuid[], ${invoices.map((r) => r.customerId)}::uuid[], ${invoices.map((r) => r.currency)}::text[],
                  ${big(invoices.map((r) => r.netMinor))}::bigint[], ${big(invoices.map((r) => r.taxMinor))}::bigint[], ${big(invoices.map((r) => r.grossMinor))}::bigint[]) AS x(i, c, cur, n, t, g)
      RETURNING 1
    ), lines AS (
      INSERT INTO invoice_lines (id, invoice_id, position, description, product_id, subscription_id, quantity, unit_amount_minor, net_minor, tax_rate_bp, period_start, period_end)
      SELECT gen_random_uuid(), i, p, d, pr, s, q, u, n, r, ps, pe
      FROM unnest(${lines.map((l) => l.invoiceId)}::uuid[], ${lines.map((l) => l.position)}::int[], ${lines.map((l) => l.description)}::text[],
                  ${lines.map((l) => l.productId)}::uuid[], ${lines.map((l) => l.subscriptionId)}::uuid[], ${lines.map((l) => l.quantity)}::numeric[],
                  ${big(lines.map((l) => l.unitAmountMinor))}::bigint[], ${big(lines.map((l) => l.netMinor))}::bigint[], ${lines.map((l) => l.taxRateBp)}::int[],
                  ${lines.map((l) => l.periodStart)}::date[], ${lines.map((l) => l.periodEnd)}::date[]) AS x(i, p, d, pr, s, q, u, n, r, ps, pe)
      RETURNING 1
    )
    INSERT INTO invoice_tax_lines (invoice_id, tax_rate_bp, net_minor, tax_minor)
    SELECT i, r, n, t FROM unnest(${taxLines.map((t) => t.invoiceId)}::uuid[], ${taxLines.map((t) => t.taxRateBp)}::int[],
                                  ${big(taxLines.map((t) => t.netMinor))}::bigint[], ${big(taxLines.map((t) => t.taxMinor))}::bigint[]) AS x(i, r, n, t)`;
}

/**
 * Numbers and issues the drafts insertDrafts wrote, with their buyer and seller (the freeze trigger
 * requires the seller in that very UPDATE), and writes each one's system audit entry `action`, in one statement.
 */
export async function issueDrafts(tx: Db, invoices: IssuedInvoiceRow[], seller: object, action: string, now: Date) {
  if (invoices.length === 0) return;
  await tx.$executeRaw`
    WITH issued AS (
      UPDATE invoices v SET status = x.st::invoice_status, number = x.nb, issue_date = x.iss, due_date = x.due, buyer = x.b::jsonb,
        seller = ${JSON.stringify(seller)}::jsonb, issued_by_id = NULL, issued_at = ${now}, paid_at = CASE WHEN x.st = 'PAID' THEN ${now}::timestamptz END
      FROM unnest(${invoices.map((r) => r.id)}::uuid[], ${invoices.map((r) => r.status)}::text[], ${invoices.map((r) => r.number)}::text[],
                  ${invoices.map((r) => r.issueDate)}::date[], ${invoices.map((r) => r.dueDate)}::date[], ${invoices.map((r) => JSON.stringify(r.buyer))}::text[]) AS x(id, st, nb, iss, due, b)
      WHERE v.id = x.id AND v.status = 'DRAFT'
      RETURNING v.id, v.customer_id, v.number, v.gross_minor
    )
    INSERT INTO audit_events (at, actor_email, action, target_type, target_id, customer_id, details)
    SELECT ${now}, 'system', ${action}, 'invoice', id::text, customer_id, jsonb_build_object('number', number, 'grossMinor', gross_minor)
    FROM issued`;
}

export interface EmailRow {
  /** Chosen before the insert: the tracked links carry it (ADR 0017). */
  id: string;
  invoiceId: string;
  attachments: TEmailAttachment[];
  dedupeKey: string;
  toAddress: string;
  locale: string;
  template: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * Writes e-mails to the outbox, idempotent by dedupe key like insertOutboundEmail, and announces the
 * PENDING ones on the outbox channel (delivered at commit, like the single-e-mail path).
 */
export async function insertOutboundEmails(
  tx: Db,
  rows: EmailRow[],
  status: "PENDING" | "CAPTURED",
  at: Date,
) {
  if (rows.length === 0) return;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO outbound_emails (id, invoice_id, attachments, dedupe_key, to_address, locale, template, subject, html, text, status, created_at)
    SELECT id, inv, att, k, t, l, tp, s, h, x, ${status}::email_status, ${at}
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.invoiceId)}::uuid[], ${rows.map((r) => JSON.stringify(r.attachments))}::jsonb[],
                ${rows.map((r) => r.dedupeKey)}::text[], ${rows.map((r) => r.toAddress)}::text[], ${rows.map((r) => r.locale)}::text[],
                ${rows.map((r) => r.template)}::text[], ${rows.map((r) => r.subject)}::text[], ${rows.map((r) => r.html)}::text[],
                ${rows.map((r) => r.text)}::text[]) AS y(id, inv, att, k, t, l, tp, s, h, x)
    ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::text AS id`;
  if (status === "PENDING" && inserted.length > 0) {
    await tx.$queryRaw`SELECT count(pg_notify(${OUTBOX_CHANNEL}, id)) FROM unnest(${inserted.map((r) => r.id)}::text[]) AS n(id)`;
  }
}

/** A hold per (subscription, unpaid invoice), kept if it exists (the same as the single path's insert). */
export async function insertHolds(
  tx: Db,
  rows: { subscriptionId: string; invoiceId: string; cause: string }[],
  at: Date,
) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO subscription_holds (subscription_id, invoice_id, cause, created_at)
    SELECT s, i, c, ${at}
    FROM unnest(${rows.map((r) => r.subscriptionId)}::uuid[], ${rows.map((r) => r.invoiceId)}::uuid[], ${rows.map((r) => r.cause)}::text[]) AS x(s, i, c)
    ON CONFLICT DO NOTHING`;
}

/**
 * Moves the listed subscriptions that are `from` to `to` (a conditional UPDATE: one in another status is
 * left alone) and writes each change to their history with its reason; returns how many changed.
 */
export async function changeSubscriptionStatuses(
  tx: Db,
  rows: { subscriptionId: string; reason: string }[],
  from: SubscriptionStatus,
  to: SubscriptionStatus,
  at: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`
    WITH changed AS (
      UPDATE subscriptions s SET status = ${to}::subscription_status
      FROM unnest(${rows.map((r) => r.subscriptionId)}::uuid[], ${rows.map((r) => r.reason)}::text[]) AS x(id, reason)
      WHERE s.id = x.id AND s.status = ${from}::subscription_status
      RETURNING s.id, x.reason)
    INSERT INTO subscription_status_changes (subscription_id, from_status, to_status, reason, actor_user_id, at)
    SELECT id, ${from}::subscription_status, ${to}::subscription_status, reason, NULL, ${at} FROM changed`;
}
