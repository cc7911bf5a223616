import { type CalendarDate, compareDates } from "@/domain/billing/calendar-date";
import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { lineNetMinor, quantityToDecimalString } from "@/domain/billing/quantity";
import type { IssueRenewal, ScheduledAction } from "@/domain/billing/schedule-model";
import { transitionSubscription } from "@/domain/billing/subscription-state";
import { computeDocumentTotals } from "@/domain/billing/tax";
import { isLocale } from "@/domain/i18n/locales";
import { Prisma } from "@/generated/prisma/client";
import { insertDraftInvoice, lockInvoice, type NewInvoiceLine } from "@/server/billing/invoice-repository";
import { issueInvoiceInTransaction } from "@/server/billing/issue-invoice";
import { dateToDb, minorFromDb, minorToDb, quantityFromDb } from "@/server/billing/ledger-values";
import { appUrl } from "@/server/config";
import type { Db, RootDb } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { changeSubscriptionStatus, lockSubscription } from "@/server/subscriptions/subscription-repository";
import { autopayMethodLabels } from "@/server/payments/autopay-repository";
import { activeProviderInfo } from "@/server/payments/payment-providers";

/** What one applied action changed, for the run's counts. */
export interface AppliedEffect {
  invoicesCreated?: number;
  linesCreated?: number;
  periodsStarted?: number;
  remindersSent?: number;
  suspensions?: number;
  terminations?: number;
}

/** Thrown inside an action's transaction when its key was already used: the effect exists, roll back quietly. */
class AlreadyApplied extends Error {}

/**
 * Records the action's key; false when another run already did (the UNIQUE key, not code paths,
 * makes each effect happen once).
 */
async function claimEvent(tx: Db, e: { key: string; kind: string; cause: string; customerId: string; invoiceId?: string | null; subscriptionId?: string | null; runId: string | null; details?: object; at: Date }) {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, subscription_id, run_id, details, at)
    VALUES (${e.key}, ${e.kind}, ${e.cause}, ${e.customerId}::uuid, ${e.invoiceId ?? null}::uuid, ${e.subscriptionId ?? null}::uuid,
            ${e.runId}::uuid, ${JSON.stringify(e.details ?? {})}::jsonb, ${e.at})
    ON CONFLICT (key) DO NOTHING RETURNING id`;
  return rows.length === 1;
}

/** The invoice an earlier action of the same plan issued, by its key. */
async function invoiceIdOfKey(tx: Db, invoiceKey: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string | null }[]>`SELECT invoice_id::text AS id FROM billing_events WHERE key = ${invoiceKey}`;
  return rows[0]?.id ?? null;
}

async function billingContact(tx: Db, customerId: string) {
  return tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { legalName: true, billingEmail: true, locale: true } });
}

async function emailInvoice(tx: Db, template: "renewalInvoice" | "paymentReminder", invoiceId: string, dedupeKey: string, now: Date) {
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { customerId: true, number: true, currency: true, grossMinor: true, paidMinor: true, creditedMinor: true, dueDate: true } });
  const customer = await billingContact(tx, invoice.customerId);
  const locale = isLocale(customer.locale) ? customer.locale : "fr";
  const owed = minorFromDb(invoice.grossMinor - invoice.paidMinor - invoice.creditedMinor);
  // With a default method, the renewal e-mail says autopay will charge it on the due date (ADR 0019).
  const autopayMethod =
    template === "renewalInvoice"
      ? (await autopayMethodLabels(tx, activeProviderInfo().name, [invoice.customerId])).get(invoice.customerId)
      : undefined;
  const params = {
    customerName: customer.legalName,
    number: invoice.number ?? "",
    amount: fmtMoney(owed, invoice.currency, locale),
    dueDate: fmtDate(invoice.dueDate ? (invoice.dueDate.toISOString().slice(0, 10) as CalendarDate) : null, locale),
    link: `${appUrl()}/portal/invoices/${invoiceId}`,
    ...(autopayMethod ? { autopayMethod } : {}),
  };
  // Tracked and with the invoice PDF, rendered at delivery (ADR 0017); the link is the page to pay it.
  const attachment = { kind: "INVOICE_PDF" as const, invoiceId, filename: `${(invoice.number ?? invoiceId).replace(/[^\w.-]/g, "_")}.pdf` };
  await enqueueEmail(tx, customer.billingEmail, locale, { template, params }, dedupeKey, now, { invoiceId, attachments: [attachment] });
}

async function issueRenewal(tx: Db, a: IssueRenewal, runId: string | null, now: Date): Promise<AppliedEffect> {
  const subs = await tx.subscription.findMany({ where: { id: { in: a.lines.map((l) => l.subscriptionId) } } });
  const byId = new Map(subs.map((s) => [s.id, s]));
  const lines: NewInvoiceLine[] = a.lines.map((l, i) => {
    const s = byId.get(l.subscriptionId);
    if (!s) throw new Error(`subscription ${l.subscriptionId} is gone`);
    const quantity = quantityFromDb(s.quantity);
    return {
      position: i + 1,
      description: s.description,
      productId: s.productId,
      subscriptionId: s.id,
      quantity: quantityToDecimalString(quantity),
      unitAmountMinor: s.unitAmountMinor,
      netMinor: minorToDb(lineNetMinor(minorFromDb(s.unitAmountMinor), quantity)),
      taxRateBp: s.taxRateBp,
      periodStart: dateToDb(l.period.start),
      periodEnd: dateToDb(l.period.end),
    };
  });
  const totals = computeDocumentTotals(lines.map((l) => ({ netMinor: Number(l.netMinor), taxRateBp: l.taxRateBp })));
  const { id } = await insertDraftInvoice(tx, {
    customerId: a.customerId,
    currency: subs[0]?.currency ?? "EUR",
    notes: "",
    createdById: null,
    createdAt: now,
    netMinor: minorToDb(totals.netMinor),
    taxMinor: minorToDb(totals.taxMinor),
    grossMinor: minorToDb(totals.grossMinor),
    lines,
  });
  // One invoice per subscription per period, whichever run or process gets here first.
  const claimed = await tx.$executeRaw`
    INSERT INTO renewal_claims (subscription_id, period_start, invoice_id, created_at)
    SELECT s, p, ${id}::uuid, ${now} FROM unnest(${a.lines.map((l) => l.subscriptionId)}::uuid[], ${a.lines.map((l) => l.period.start)}::date[]) AS x(s, p)
    ON CONFLICT DO NOTHING`;
  if (claimed !== a.lines.length || !(await claimEvent(tx, { key: a.key, kind: "ISSUED", cause: "RENEWAL", customerId: a.customerId, invoiceId: id, runId, details: { renewalDate: a.renewalDate }, at: now }))) {
    throw new AlreadyApplied();
  }
  // Due on the renewal date, never before the day it is issued (a held-back renewal issued late).
  const dueDate = compareDates(a.dueDate, a.issueDate) < 0 ? a.issueDate : a.dueDate;
  await issueInvoiceInTransaction(tx, null, id, now, { issueDate: a.issueDate, dueDate });
  await emailInvoice(tx, "renewalInvoice", id, a.key, now);
  return { invoicesCreated: 1, linesCreated: lines.length };
}

/** Suspends or terminates the listed subscriptions for an unpaid invoice, with a hold per (subscription, invoice). */
async function dunningStep(tx: Db, a: Extract<ScheduledAction, { kind: "SUSPEND" | "SUSPEND_ALL" | "TERMINATE" }>, invoiceId: string, customerId: string, runId: string | null, now: Date): Promise<AppliedEffect> {
  if (!(await claimEvent(tx, { key: a.key, kind: a.kind === "TERMINATE" ? "TERMINATED" : "SUSPENDED", cause: a.cause, customerId, invoiceId, runId, details: { step: a.kind, subscriptionIds: a.subscriptionIds }, at: now }))) throw new AlreadyApplied();
  let changed = 0;
  for (const subscriptionId of a.subscriptionIds) {
    const sub = await lockSubscription(tx, subscriptionId);
    if (!sub) continue;
    if (a.kind === "TERMINATE") {
      if (sub.status !== "SUSPENDED") continue;
      await changeSubscriptionStatus(tx, sub.id, sub.status, transitionSubscription(sub.status, "terminate"), { reason: `TERMINATED: invoice ${invoiceId} unpaid`, actorUserId: null, at: now });
      changed += 1;
      continue;
    }
    await tx.$executeRaw`INSERT INTO subscription_holds (subscription_id, invoice_id, cause, created_at) VALUES (${sub.id}::uuid, ${invoiceId}::uuid, ${a.cause}, ${now}) ON CONFLICT DO NOTHING`;
    if (sub.status === "ACTIVE") {
      await changeSubscriptionStatus(tx, sub.id, sub.status, transitionSubscription(sub.status, "suspend"), { reason: `${a.cause}: invoice ${invoiceId}`, actorUserId: null, at: now });
      changed += 1;
    }
  }
  return a.kind === "TERMINATE" ? { terminations: changed } : { suspensions: changed };
}

async function applyInTransaction(tx: Db, a: ScheduledAction, customerId: string, runId: string | null, now: Date): Promise<AppliedEffect> {
  switch (a.kind) {
    case "ISSUE_RENEWAL":
      return issueRenewal(tx, a, runId, now);
    case "START_PERIOD": {
      // Conditional: only from the period that ends where the new one starts.
      const moved = await tx.$executeRaw`
        UPDATE subscriptions SET current_period_start = ${a.period.start}::date, current_period_end = ${a.period.end}::date
        WHERE id = ${a.subscriptionId}::uuid AND current_period_end = ${a.period.start}::date`;
      if (moved === 0 || !(await claimEvent(tx, { key: a.key, kind: "PERIOD_STARTED", cause: "RENEWAL", customerId, subscriptionId: a.subscriptionId, runId, details: { period: a.period }, at: now }))) throw new AlreadyApplied();
      return { periodsStarted: 1 };
    }
    default: {
      const invoiceId = a.invoiceId ?? (await invoiceIdOfKey(tx, a.invoiceKey));
      if (!invoiceId) throw new AlreadyApplied();
      // A payment may have landed since planning: dun only what is still owed.
      const invoice = await lockInvoice(tx, invoiceId, customerId);
      if (invoice?.status !== "OPEN" || invoice.gross_minor - invoice.paid_minor - invoice.credited_minor <= 0n) throw new AlreadyApplied();
      if (a.kind === "SEND_REMINDER") {
        if (!(await claimEvent(tx, { key: a.key, kind: "REMINDER_SENT", cause: "UNPAID", customerId, invoiceId, runId, details: { daysBeforeDue: a.daysBeforeDue }, at: now }))) throw new AlreadyApplied();
        await emailInvoice(tx, "paymentReminder", invoiceId, a.key, now);
        return { remindersSent: 1 };
      }
      return dunningStep(tx, a, invoiceId, customerId, runId, now);
    }
  }
}

/**
 * Applies one planned action in its own transaction, re-checking its condition there. An action
 * whose key is taken (another run, a retry after a crash) or whose condition no longer holds (paid
 * meanwhile) changes nothing and counts nothing.
 */
export async function applyScheduledAction(db: RootDb, a: ScheduledAction, customerId: string, runId: string | null, now: Date): Promise<AppliedEffect> {
  try {
    return await db.$transaction((tx) => applyInTransaction(tx, a, customerId, runId, now));
  } catch (e) {
    if (e instanceof AlreadyApplied) return {};
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return {};
    throw e;
  }
}
