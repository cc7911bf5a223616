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

/** Claims (subscription, period start) for each renewal line; returns how many were new. */
export async function claimRenewals(
  tx: Db,
  rows: { subscriptionId: string; periodStart: string; invoiceId: string }[],
  at: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO renewal_claims (subscription_id, period_start, invoice_id, created_at)
    SELECT s, p, i, ${at} FROM unnest(${rows.map((r) => r.subscriptionId)}::uuid[], ${rows.map((r) => r.periodStart)}::date[], ${rows.map((r) => r.invoiceId)}::uuid[]) AS x(s, p, i)
    ON CONFLICT DO NOTHING`;
}

/** Moves each subscription to its new period, only from the period that ends where the new one starts; returns the ids moved. */
export async function startPeriods(
  tx: Db,
  rows: { subscriptionId: string; start: string; end: string }[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const moved = await tx.$queryRaw<{ id: string }[]>`
    UPDATE subscriptions s SET current_period_start = x.ps, current_period_end = x.pe
    FROM unnest(${rows.map((r) => r.subscriptionId)}::uuid[], ${rows.map((r) => r.start)}::date[], ${rows.map((r) => r.end)}::date[]) AS x(id, ps, pe)
    WHERE s.id = x.id AND s.current_period_end = x.ps
    RETURNING s.id::text AS id`;
  return new Set(moved.map((r) => r.id));
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
 * Writes issued invoices in four statements: drafts with their totals, their lines and tax lines (the
 * freeze trigger takes children only under a draft), then one UPDATE that numbers and issues them all
 * with their buyer and seller (the trigger requires the seller in that very UPDATE).
 */
export async function insertIssuedInvoices(
  tx: Db,
  invoices: IssuedInvoiceRow[],
  lines: LineRow[],
  taxLines: TaxLineRow[],
  seller: object,
  now: Date,
) {
  if (invoices.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO invoices (id, customer_id, status, currency, net_minor, tax_minor, gross_minor, created_at)
    SELECT i, c, 'DRAFT', cur, n, t, g, ${now}
    FROM unnest(${invoices.map((r) => r.id)}::uuid[], ${invoices.map((r) => r.customerId)}::uuid[], ${invoices.map((r) => r.currency)}::text[],
                ${big(invoices.map((r) => r.netMinor))}::bigint[], ${big(invoices.map((r) => r.taxMinor))}::bigint[], ${big(invoices.map((r) => r.grossMinor))}::bigint[]) AS x(i, c, cur, n, t, g)`;
  await tx.$executeRaw`
    INSERT INTO invoice_lines (id, invoice_id, position, description, product_id, subscription_id, quantity, unit_amount_minor, net_minor, tax_rate_bp, period_start, period_end)
    SELECT gen_random_uuid(), i, p, d, pr, s, q, u, n, r, ps, pe
    FROM unnest(${lines.map((l) => l.invoiceId)}::uuid[], ${lines.map((l) => l.position)}::int[], ${lines.map((l) => l.description)}::text[],
                ${lines.map((l) => l.productId)}::uuid[], ${lines.map((l) => l.subscriptionId)}::uuid[], ${lines.map((l) => l.quantity)}::numeric[],
                ${big(lines.map((l) => l.unitAmountMinor))}::bigint[], ${big(lines.map((l) => l.netMinor))}::bigint[], ${lines.map((l) => l.taxRateBp)}::int[],
                ${lines.map((l) => l.periodStart)}::date[], ${lines.map((l) => l.periodEnd)}::date[]) AS x(i, p, d, pr, s, q, u, n, r, ps, pe)`;
  await tx.$executeRaw`
    INSERT INTO invoice_tax_lines (invoice_id, tax_rate_bp, net_minor, tax_minor)
    SELECT i, r, n, t FROM unnest(${taxLines.map((t) => t.invoiceId)}::uuid[], ${taxLines.map((t) => t.taxRateBp)}::int[],
                                  ${big(taxLines.map((t) => t.netMinor))}::bigint[], ${big(taxLines.map((t) => t.taxMinor))}::bigint[]) AS x(i, r, n, t)`;
  await tx.$executeRaw`
    UPDATE invoices v SET status = x.st::invoice_status, number = x.nb, issue_date = x.iss, due_date = x.due, buyer = x.b::jsonb,
      seller = ${JSON.stringify(seller)}::jsonb, issued_by_id = NULL, issued_at = ${now}, paid_at = CASE WHEN x.st = 'PAID' THEN ${now}::timestamptz END
    FROM unnest(${invoices.map((r) => r.id)}::uuid[], ${invoices.map((r) => r.status)}::text[], ${invoices.map((r) => r.number)}::text[],
                ${invoices.map((r) => r.issueDate)}::date[], ${invoices.map((r) => r.dueDate)}::date[], ${invoices.map((r) => JSON.stringify(r.buyer))}::text[]) AS x(id, st, nb, iss, due, b)
    WHERE v.id = x.id AND v.status = 'DRAFT'`;
}

/** The audit entries of system actions (no actor), one statement. */
export async function insertSystemAudit(
  tx: Db,
  rows: { action: string; targetType: string; targetId: string; customerId: string; details: object }[],
  at: Date,
) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO audit_events (at, actor_email, action, target_type, target_id, customer_id, details)
    SELECT ${at}, 'system', a, tt, ti, c, d::jsonb
    FROM unnest(${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.targetType)}::text[], ${rows.map((r) => r.targetId)}::text[],
                ${rows.map((r) => r.customerId)}::uuid[], ${rows.map((r) => JSON.stringify(r.details))}::text[]) AS x(a, tt, ti, c, d)`;
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
