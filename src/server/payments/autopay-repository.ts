import type { Db } from "@/server/db/types";
import { methodLabel } from "@/server/payments/settle-checkout";

/**
 * An open renewal invoice that autopay may charge: what is left on it, its due date, the customer's
 * calendar and default method, and the highest attempt already made (null: none).
 */
export interface AutopayCandidate {
  invoiceId: string;
  customerId: string;
  currency: string;
  dueDate: Date;
  balanceMinor: bigint;
  timeZone: string;
  savedMethodId: string;
  providerMethodId: string;
  lastAttempt: number | null;
}

/**
 * One statement: OPEN renewal invoices (a line bills a subscription) with a balance, whose customer
 * has a default, not removed method at the active provider, and no payment of theirs still
 * PROCESSING (a bank debit takes days: charging again meanwhile would collect twice). Due dates in
 * [minDueDate, maxDueDate] (the schedule's window around every time zone's "today", served by the
 * (status, due_date) index); the caller decides per customer calendar.
 */
export async function autopayCandidates(
  db: Db,
  provider: string,
  minDueDate: Date,
  maxDueDate: Date,
): Promise<AutopayCandidate[]> {
  return db.$queryRaw<AutopayCandidate[]>`
    SELECT i.id::text AS "invoiceId", i.customer_id::text AS "customerId", i.currency,
           i.due_date AS "dueDate", (i.gross_minor - i.paid_minor - i.credited_minor) AS "balanceMinor",
           c.time_zone AS "timeZone", m.id::text AS "savedMethodId",
           m.provider_method_id AS "providerMethodId",
           (SELECT max(a.attempt) FROM autopay_attempts a WHERE a.invoice_id = i.id) AS "lastAttempt"
    FROM invoices i
    JOIN customers c ON c.id = i.customer_id
    JOIN saved_payment_methods m
      ON m.customer_id = i.customer_id AND m.is_default AND m.removed_at IS NULL AND m.provider = ${provider}
    WHERE i.status = 'OPEN'
      AND i.gross_minor - i.paid_minor - i.credited_minor > 0
      AND i.due_date BETWEEN ${minDueDate}::date AND ${maxDueDate}::date
      AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.subscription_id IS NOT NULL)
      AND NOT EXISTS (
        SELECT 1 FROM checkout_invoices ci JOIN checkouts k ON k.id = ci.checkout_id
        WHERE ci.invoice_id = i.id AND k.status = 'PROCESSING')
    ORDER BY i.due_date, i.id`;
}

/**
 * Records attempt `attempt` of an invoice for its checkout; false when it was already made (another
 * run, another worker): the primary key (invoice_id, attempt) decides.
 */
export async function insertAutopayAttemptIfAbsent(
  db: Db,
  a: { invoiceId: string; attempt: number; checkoutId: string; at: Date },
): Promise<boolean> {
  const n = await db.$executeRaw`
    INSERT INTO autopay_attempts (invoice_id, attempt, checkout_id, created_at)
    VALUES (${a.invoiceId}::uuid, ${a.attempt}, ${a.checkoutId}::uuid, ${a.at})
    ON CONFLICT DO NOTHING`;
  return n === 1;
}

/**
 * Autopay checkouts whose provider call has not been made (a crash between the commit and the
 * call): the next run makes it, with the same idempotency key, hence at most one charge.
 */
export async function autopayCheckoutsWithoutIntent(db: Db, provider: string) {
  return db.checkout.findMany({
    // Only while every invoice it was for is still open: never charge what was paid meanwhile.
    where: {
      provider,
      purpose: "AUTOPAY",
      status: "CREATED",
      providerIntentId: null,
      invoices: { every: { invoice: { status: "OPEN" } } },
    },
    select: { id: true, savedMethod: { select: { providerMethodId: true, removedAt: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** The attempt a checkout was made for, with its invoice's due date (for the next retry's day). */
export async function autopayAttemptOfCheckout(db: Db, checkoutId: string) {
  return db.autopayAttempt.findUnique({
    where: { checkoutId },
    select: { attempt: true, invoice: { select: { dueDate: true } } },
  });
}

/**
 * The default method of each of these customers at `provider`, as the renewal e-mail names it
 * ("Visa •••• 4242"): one statement for a whole batch of the billing run.
 */
export async function autopayMethodLabels(
  db: Db,
  provider: string,
  customerIds: string[],
): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.savedPaymentMethod.findMany({
    where: { customerId: { in: customerIds }, provider, isDefault: true, removedAt: null },
    select: {
      customerId: true,
      kind: true,
      brand: true,
      bankName: true,
      last4: true,
      providerMethodId: true,
      expMonth: true,
      expYear: true,
    },
  });
  return new Map(rows.map((r) => [r.customerId, methodLabel({ ...r, kind: r.kind })]));
}

/** One autopay attempt as the back-office lists it. */
export interface AutopayAttemptRow {
  invoiceId: string;
  invoiceNumber: string | null;
  customerId: string;
  customerName: string;
  attempt: number;
  createdAt: Date;
  status: string;
  failureCode: string | null;
  amountMinor: bigint;
  currency: string;
}

/** The latest autopay attempts, newest first (the back-office's autopay page). */
export async function recentAutopayAttempts(db: Db, limit: number): Promise<AutopayAttemptRow[]> {
  return db.$queryRaw<AutopayAttemptRow[]>`
    SELECT a.invoice_id AS "invoiceId", i.number AS "invoiceNumber", c.id AS "customerId",
           c.legal_name AS "customerName", a.attempt, a.created_at AS "createdAt",
           k.status::text AS status, k.failure_code AS "failureCode",
           k.amount_minor AS "amountMinor", k.currency
    FROM autopay_attempts a
    JOIN checkouts k ON k.id = a.checkout_id
    JOIN invoices i ON i.id = a.invoice_id
    JOIN customers c ON c.id = k.customer_id
    ORDER BY a.created_at DESC, a.invoice_id, a.attempt DESC
    LIMIT ${limit}`;
}
