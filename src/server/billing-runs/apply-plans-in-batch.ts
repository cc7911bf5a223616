import { randomUUID } from "node:crypto";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { formatDocumentNumber } from "@/domain/billing/document-number";
import type { ScheduledAction, StartPeriod } from "@/domain/billing/schedule-model";
import { applyDunningSteps, type DunningAction } from "@/server/billing-runs/apply-dunning-in-batch";
import type { AppliedEffect } from "@/server/billing-runs/apply-scheduled-action";
import {
  claimEvents,
  claimIssues,
  customersForInvoicing,
  type EmailRow,
  insertDrafts,
  insertOutboundEmails,
  issueDrafts,
  lockOwedInvoices,
  type LineRow,
  startPeriodsWithEvents,
  subscriptionsForRenewal,
  type TaxLineRow,
  takeSequenceRange,
} from "@/server/billing-runs/billing-batch-repository";
import {
  type Contact,
  invoiceEmailRow,
  renewalInvoiceRows,
  type UnnumberedInvoice,
} from "@/server/billing-runs/renewal-invoice-rows";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import { numberingPattern } from "@/server/billing/document-sequence-repository";
import { sellerSnapshotOf } from "@/server/billing/seller-snapshot";
import type { Db, RootDb } from "@/server/db/types";
import { smtpTransport } from "@/server/mail/transport";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { autopayMethodLabels } from "@/server/payments/autopay-repository";
import { activeProviderInfo } from "@/server/payments/payment-providers";

/** One customer's planned actions. */
export interface CustomerPlan {
  customerId: string;
  actions: ScheduledAction[];
}

/**
 * What the batch path applies: renewal invoices, period starts, and the reminders and dunning steps of
 * invoices that exist. A plan with an action about an invoice the same plan issues (a catch-up after
 * days without runs) goes through applyScheduledAction instead, action by action, in plan order.
 */
export const isBatchable = (plan: CustomerPlan) =>
  plan.actions.every((a) => a.kind === "ISSUE_RENEWAL" || a.kind === "START_PERIOD" || a.invoiceId !== null);

/** A batch met a state the set-based path does not decide (a claim taken by another key): it rolls back, and the caller applies it action by action. */
export class BatchNeedsSinglePath extends Error {}

type Counts = Required<
  Pick<
    AppliedEffect,
    "invoicesCreated" | "linesCreated" | "periodsStarted" | "remindersSent" | "suspensions" | "terminations"
  >
>;

/**
 * Applies batchable plans of many customers in ONE transaction, a constant number of set-based
 * statements whatever their number: the same effects, keys and conditions as applyScheduledAction
 * (billing_events.key, renewal_claims and the outbox dedupe key decide what is new; an effect
 * already there is skipped, as a re-run or a crash recovery finds it). Numbers are taken as one
 * range of the locked counter row, so they stay gapless. Any failure rolls back the whole batch and
 * throws: the caller then applies its plans one action at a time, so one customer's failure never
 * stops the others.
 */
export async function applyPlansInBatch(
  db: RootDb,
  plans: CustomerPlan[],
  runId: string | null,
  now: Date,
): Promise<Counts> {
  const counts: Counts = {
    invoicesCreated: 0,
    linesCreated: 0,
    periodsStarted: 0,
    remindersSent: 0,
    suspensions: 0,
    terminations: 0,
  };
  if (plans.length === 0) return counts;
  const of = <K extends ScheduledAction["kind"]>(kind: K) =>
    plans.flatMap((p) =>
      p.actions
        .filter((a): a is Extract<ScheduledAction, { kind: K }> => a.kind === kind)
        .map((a) => ({ a, customerId: p.customerId })),
    );
  const issues = of("ISSUE_RENEWAL").map(({ a }) => ({ a, id: randomUUID() }));
  const starts = of("START_PERIOD");
  const reminders = of("SEND_REMINDER");
  const dunning: { a: DunningAction; customerId: string }[] = [
    ...of("SUSPEND"),
    ...of("SUSPEND_ALL"),
    ...of("TERMINATE"),
  ];
  return db.$transaction(
    async (tx) => {
      // Before any row lock, as issueInvoiceInTransaction does: the same lock order for every issuer.
      const company = await getCompanySettings(tx);
      // A payment may have landed since planning: remind and dun only what is still owed. Invoices are
      // locked before any subscription row, the order of a payment that reinstates (no deadlock).
      const invoiceIds = [...reminders, ...dunning].map(({ a }) => a.invoiceId as string);
      const owed = new Map((await lockOwedInvoices(tx, [...new Set(invoiceIds)])).map((i) => [i.id, i]));
      counts.periodsStarted = await applyStarts(tx, starts, runId, now);
      const stillOwed = ({ a, customerId }: { a: { invoiceId: string | null }; customerId: string }) =>
        owed.get(a.invoiceId as string)?.customerId === customerId;
      const dueReminders = reminders.filter(stillOwed);
      const contacts = new Map<string, Contact>(
        (
          await customersForInvoicing(tx, [
            ...new Set([...issues.map(({ a }) => a.customerId), ...dueReminders.map((r) => r.customerId)]),
          ])
        ).map((c) => [c.id, c]),
      );
      const contactOf = (customerId: string) => {
        const c = contacts.get(customerId);
        if (!c) throw new Error(`customer ${customerId} is gone`);
        return c;
      };
      const emails: EmailRow[] = [];

      // Renewals: the ISSUED key first (taken = issued by an earlier run), with every won line's claim.
      const claims = issues.flatMap(({ a, id }) =>
        a.lines.map((l) => ({
          subscriptionId: l.subscriptionId,
          periodStart: l.period.start,
          invoiceId: id,
        })),
      );
      const { won, claimed } = await claimIssues(
        tx,
        issues.map(({ a, id }) => ({
          key: a.key,
          kind: "ISSUED",
          cause: "RENEWAL",
          customerId: a.customerId,
          invoiceId: id,
          subscriptionId: null,
          details: { renewalDate: a.renewalDate },
        })),
        claims,
        runId,
        now,
      );
      const toIssue = issues.filter(({ a }) => won.has(a.key));
      const wonLines = toIssue.reduce((n, { a }) => n + a.lines.length, 0);
      if (claimed !== wonLines) throw new BatchNeedsSinglePath("a renewal period is claimed under another key");
      const subs = new Map(
        (await subscriptionsForRenewal(tx, [...new Set(toIssue.flatMap(({ a }) => a.lines.map((l) => l.subscriptionId)))])).map((s) => [
          s.id,
          s,
        ]),
      );
      const built = toIssue.map(({ a, id }) => renewalInvoiceRows(id, a, subs, contactOf(a.customerId)));
      const numbered = await numberInvoices(
        tx,
        built.map((b) => b.invoice),
      );
      const lines: LineRow[] = built.flatMap((b) => b.lines);
      const taxLines: TaxLineRow[] = built.flatMap((b) => b.taxLines);
      // One statement for the batch: whose renewals autopay will charge, said in their e-mail.
      const autopay = await autopayMethodLabels(tx, activeProviderInfo().name, [...new Set(numbered.map((i) => i.customerId))]);
      // The drafts are written while this process renders their e-mails (below): the two overlap.
      const drafts = insertDrafts(tx, numbered, lines, taxLines, now);
      drafts.catch(() => {}); // awaited below; this only keeps a throw in between from leaving it unhandled
      await new Promise((resolve) => setImmediate(resolve)); // lets the statement go out before the rendering starts
      toIssue.forEach(({ a }, k) => {
        const i = numbered[k] as (typeof numbered)[number];
        emails.push(
          invoiceEmailRow(
            "renewalInvoice",
            contactOf(i.customerId),
            {
              id: i.id,
              number: i.number,
              currency: i.currency,
              owedMinor: minorFromDb(i.grossMinor),
              dueDate: i.dueDate as CalendarDate,
            },
            a.key,
            company.legalName,
            autopay.get(i.customerId),
          ),
        );
      });
      await drafts;
      await issueDrafts(tx, numbered, sellerSnapshotOf(company), "invoice.issued", now);
      counts.invoicesCreated = numbered.length;
      counts.linesCreated = lines.length;

      // Reminders, once per key.
      const sent = await claimEvents(
        tx,
        dueReminders.map(({ a, customerId }) => ({
          key: a.key,
          kind: "REMINDER_SENT",
          cause: "UNPAID",
          customerId,
          invoiceId: a.invoiceId,
          subscriptionId: null,
          details: { daysBeforeDue: a.daysBeforeDue },
        })),
        runId,
        now,
      );
      for (const { a, customerId } of dueReminders) {
        if (!sent.has(a.key)) continue;
        const i = owed.get(a.invoiceId as string);
        if (!i) continue;
        emails.push(
          invoiceEmailRow(
            "paymentReminder",
            contactOf(customerId),
            {
              id: i.id,
              number: i.number,
              currency: i.currency,
              owedMinor: minorFromDb(i.owed),
              dueDate: i.dueDate ? dateFromDb(i.dueDate) : null,
            },
            a.key,
            company.legalName,
          ),
        );
      }
      counts.remindersSent = sent.size;
      Object.assign(counts, await applyDunningSteps(tx, dunning.filter(stillOwed), runId, now));
      await insertOutboundEmails(tx, emails, smtpTransport() ? "PENDING" : "CAPTURED", now);
      return counts;
    },
    // One transaction for the whole batch: longer than Prisma's 5 s default on a loaded machine.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Period starts: the conditional move with its key; a move whose key is already taken is left to the single path. */
async function applyStarts(
  tx: Db,
  starts: { a: StartPeriod; customerId: string }[],
  runId: string | null,
  now: Date,
): Promise<number> {
  const { moved, recorded } = await startPeriodsWithEvents(
    tx,
    starts.map(({ a, customerId }) => ({
      subscriptionId: a.subscriptionId,
      start: a.period.start,
      end: a.period.end,
      key: a.key,
      customerId,
      details: { period: a.period },
    })),
    runId,
    now,
  );
  if (recorded !== moved) throw new BatchNeedsSinglePath("a period start's key is taken");
  return recorded;
}

/** Numbers in plan order: one range per year of the counter row, formatted with the pattern. */
async function numberInvoices(tx: Db, invoices: UnnumberedInvoice[]) {
  if (invoices.length === 0) return [];
  const pattern = await numberingPattern(tx, "INVOICE");
  const next = new Map<number, number>();
  for (const year of [...new Set(invoices.map((i) => i.year))].sort()) {
    next.set(
      year,
      await takeSequenceRange(tx, "INVOICE", year, invoices.filter((i) => i.year === year).length),
    );
  }
  return invoices.map(({ year, ...i }) => {
    const sequence = next.get(year) as number;
    next.set(year, sequence + 1);
    return { ...i, number: formatDocumentNumber(pattern, { year, sequence }) };
  });
}
