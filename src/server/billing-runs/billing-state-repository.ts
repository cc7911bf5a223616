import type { BillingCycleName } from "@/domain/billing/billing-cycle";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { DEFAULT_DUNNING_POLICY, type DunningPolicy } from "@/domain/billing/dunning-policy";
import type { InvoiceStatusName } from "@/domain/billing/invoice-state";
import type { DunningStep, ScheduleInvoice, ScheduleSubscription } from "@/domain/billing/schedule-model";
import type { SubscriptionStatusName } from "@/domain/billing/subscription-state";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/** What the schedule needs of one customer (src/domain/billing/schedule-model.ts). */
export interface CustomerBillingState {
  customerId: string;
  timeZone: string;
  policy: DunningPolicy;
  subscriptions: ScheduleSubscription[];
  invoices: ScheduleInvoice[];
}

/** The next batch of customer ids after `afterId`, in id order (the primary key serves it). */
export async function customerIdsAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  const rows = afterId
    ? await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM customers WHERE id > ${afterId}::uuid ORDER BY id LIMIT ${limit}`
    : await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM customers ORDER BY id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** The lowest and highest of some uuids in PostgreSQL's order (that of their lowercase text). */
export function idBounds(ids: string[]): [string, string] {
  let lo = (ids[0] as string).toLowerCase();
  let hi = lo;
  for (const id of ids) {
    const k = id.toLowerCase();
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  return [lo, hi];
}

interface CustomerRow {
  id: string;
  timeZone: string;
  lead: number | null;
  reminders: number[] | null;
  suspendAfter: number | null;
  terminateAfter: number | null;
  suspendAll: number | null;
  lengthen: boolean | null;
  country: string | null;
  region: string | null;
}

interface SubscriptionRow {
  id: string;
  customerId: string;
  status: SubscriptionStatusName;
  cycle: BillingCycleName;
  anchorDay: number;
  start: Date;
  end: Date;
  reinstatedOn: Date | null;
}

interface InvoiceLineRow {
  invoiceId: string;
  customerId: string;
  status: InvoiceStatusName;
  issueDate: Date | null;
  dueDate: Date | null;
  balance: bigint;
  subscriptionId: string;
  periodStart: Date;
  periodEnd: Date;
  reminders: number[];
  steps: DunningStep[];
}

/**
 * The billing state of a batch of customers in four set-based statements whatever the batch size:
 * their policy (their group's, else the defaults), their live subscriptions, and the subscription
 * invoices the schedule must see (open ones, and any line at or after a current period's end), with
 * the reminders and dunning steps their billing events record.
 *
 * Each statement also bounds the customer id by the batch's lowest and highest: a run's batch is a
 * stretch of the id order, and without the bounds the planner prices a thousand index probes above a
 * sequential scan of the whole table (EXPLAIN ANALYZE at 100,000 customers: 25-40 ms per statement
 * scanning every customer, subscription or invoice, 3-6 ms with the bounds; ADR 0014).
 */
export async function loadBillingState(db: Db, customerIds: string[]): Promise<CustomerBillingState[]> {
  if (customerIds.length === 0) return [];
  const [lo, hi] = idBounds(customerIds);
  const [customers, subscriptions, lines] = await Promise.all([
    db.$queryRaw<CustomerRow[]>`
      SELECT c.id::text AS id, c.time_zone AS "timeZone", g.renewal_lead_days AS lead, g.reminder_days_before_due AS reminders,
             g.suspend_after_days AS "suspendAfter", g.terminate_after_days AS "terminateAfter",
             g.suspend_all_after_business_days AS "suspendAll", g.lengthen_cycle_on_reinstatement AS lengthen,
             g.holiday_country::text AS country, g.holiday_region AS region
      FROM customers c LEFT JOIN customer_groups g ON g.id = c.group_id
      WHERE c.id = ANY(${customerIds}::uuid[]) AND c.id BETWEEN ${lo}::uuid AND ${hi}::uuid`,
    db.$queryRaw<SubscriptionRow[]>`
      SELECT id::text AS id, customer_id::text AS "customerId", status::text AS status, cycle::text AS cycle, anchor_day AS "anchorDay",
             current_period_start AS start, current_period_end AS "end", reinstated_on AS "reinstatedOn"
      FROM subscriptions WHERE customer_id = ANY(${customerIds}::uuid[]) AND customer_id BETWEEN ${lo}::uuid AND ${hi}::uuid
        AND status IN ('ACTIVE', 'SUSPENDED')`,
    db.$queryRaw<InvoiceLineRow[]>`
      SELECT i.id::text AS "invoiceId", i.customer_id::text AS "customerId", i.status::text AS status, i.issue_date AS "issueDate",
             i.due_date AS "dueDate", (i.gross_minor - i.paid_minor - i.credited_minor) AS balance,
             l.subscription_id::text AS "subscriptionId", l.period_start AS "periodStart", l.period_end AS "periodEnd",
             ARRAY(SELECT (e.details->>'daysBeforeDue')::int FROM billing_events e WHERE e.invoice_id = i.id AND e.kind = 'REMINDER_SENT') AS reminders,
             ARRAY(SELECT e.details->>'step' FROM billing_events e WHERE e.invoice_id = i.id AND e.details ? 'step') AS steps
      FROM invoices i
      JOIN invoice_lines l ON l.invoice_id = i.id
      JOIN subscriptions s ON s.id = l.subscription_id
      WHERE i.customer_id = ANY(${customerIds}::uuid[]) AND i.customer_id BETWEEN ${lo}::uuid AND ${hi}::uuid
        AND i.status <> 'DRAFT' AND l.period_start IS NOT NULL
        AND s.status IN ('ACTIVE', 'SUSPENDED') AND (i.status = 'OPEN' OR l.period_start >= s.current_period_end)`,
  ]);
  const state = new Map<string, CustomerBillingState>();
  // The customers of a group share one policy object, which the schedule then checks once (dunningPolicy).
  const policies = new Map<string, DunningPolicy>();
  for (const c of customers) {
    const { id: _id, timeZone: _timeZone, ...terms } = c;
    const termsKey = JSON.stringify(terms);
    const policy: DunningPolicy =
      policies.get(termsKey) ??
      (c.lead === null
        ? DEFAULT_DUNNING_POLICY
        : {
            renewalLeadDays: c.lead,
            reminderDaysBeforeDue: c.reminders ?? [],
            suspendAfterDays: c.suspendAfter ?? DEFAULT_DUNNING_POLICY.suspendAfterDays,
            terminateAfterDays: c.terminateAfter ?? DEFAULT_DUNNING_POLICY.terminateAfterDays,
            suspendAllAfterBusinessDays: c.suspendAll ?? DEFAULT_DUNNING_POLICY.suspendAllAfterBusinessDays,
            lengthenCycleAfterReinstatement: c.lengthen ?? DEFAULT_DUNNING_POLICY.lengthenCycleAfterReinstatement,
            holidayCountry: c.country,
            holidayRegion: c.region,
          });
    policies.set(termsKey, policy);
    state.set(c.id, { customerId: c.id, timeZone: c.timeZone, policy, subscriptions: [], invoices: [] });
  }
  for (const s of subscriptions) {
    state.get(s.customerId)?.subscriptions.push({
      id: s.id,
      customerId: s.customerId,
      status: s.status,
      cycle: s.cycle,
      anchorDay: s.anchorDay,
      currentPeriod: { start: dateFromDb(s.start), end: dateFromDb(s.end) },
      reinstatedOn: s.reinstatedOn ? dateFromDb(s.reinstatedOn) : null,
    });
  }
  const invoices = new Map<string, ScheduleInvoice & { lines: { subscriptionId: string; period: { start: CalendarDate; end: CalendarDate } }[] }>();
  for (const l of lines) {
    let invoice = invoices.get(l.invoiceId);
    if (!invoice) {
      const issueDate = l.issueDate ? dateFromDb(l.issueDate) : null;
      invoice = {
        id: l.invoiceId,
        customerId: l.customerId,
        renewalDate: dateFromDb(l.periodStart),
        issueDate,
        dueDate: l.dueDate ? dateFromDb(l.dueDate) : (issueDate as CalendarDate),
        status: l.status,
        balanceMinor: minorFromDb(l.balance),
        lines: [],
        remindersSent: l.reminders,
        stepsDone: l.steps,
      };
      invoices.set(l.invoiceId, invoice);
    }
    const start = dateFromDb(l.periodStart);
    // A renewal invoice's date is the start of its periods (all of its lines share it).
    if (start < invoice.renewalDate) invoice = Object.assign(invoice, { renewalDate: start });
    invoice.lines.push({ subscriptionId: l.subscriptionId, period: { start, end: dateFromDb(l.periodEnd) } });
  }
  for (const invoice of invoices.values()) state.get(invoice.customerId)?.invoices.push(invoice);
  return customerIds.flatMap((id) => state.get(id) ?? []);
}
