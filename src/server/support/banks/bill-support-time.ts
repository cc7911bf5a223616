import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { isLocale } from "@/domain/i18n/locales";
import type { StaffActor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/audit-repository";
import { draftLines } from "@/server/billing/create-draft-invoice";
import { insertDraftInvoice } from "@/server/billing/invoice-repository";
import { issueInvoiceInTransaction } from "@/server/billing/issue-invoice";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import type { Db, RootDb } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";
import { logger } from "@/server/logger";
import { emailSupportInvoice } from "@/server/support/banks/email-support-invoice";
import {
  customerSupportFacts,
  customersWithUnbilledTime,
  lockCustomerSupport,
  lockUnbilledEntries,
  markEntriesBilled,
} from "@/server/support/banks/hour-bank-repository";
import { hourlyRateFor } from "@/server/support/banks/hourly-rate";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";

export interface SupportBillingResult {
  /** Invoices issued, one per customer billed. */
  invoiceIds: string[];
  /** Customers whose time waits: no hourly rate in their currency in the catalogue. */
  withoutRate: string[];
}

/** Minutes as hours for an invoice line (at most 3 decimals, as the ledger's quantities). */
const hoursQuantity = (minutes: number) => (minutes / 60).toFixed(3);

/**
 * Bills the support time no bank covered: per customer, one issued invoice with one line per entry
 * (its work date as the service period, quantity in hours at the hourly rate in the customer's
 * currency) and travel on lines of its own. Each customer is billed in its own transaction under
 * its lock; the entries are claimed with `billed_invoice_id IS NULL`, so two runs at once (the
 * daily job and the staff button) bill every entry exactly once.
 */
export async function billSupportTime(db: RootDb, actor: StaffActor | null, now: Date, onlyCustomerId?: string): Promise<SupportBillingResult> {
  const result: SupportBillingResult = { invoiceIds: [], withoutRate: [] };
  const customers = onlyCustomerId ? [onlyCustomerId] : await customersWithUnbilledTime(db);
  for (const customerId of customers) {
    const outcome = await db.$transaction((tx) => billCustomer(tx, actor, customerId, now));
    if (outcome === "NO_RATE") result.withoutRate.push(customerId);
    else if (outcome) result.invoiceIds.push(outcome);
  }
  if (result.withoutRate.length > 0) logger.warn({ customers: result.withoutRate }, "support time not billed: no hourly rate in the customer's currency");
  return result;
}

async function billCustomer(tx: Db, actor: StaffActor | null, customerId: string, now: Date): Promise<string | "NO_RATE" | null> {
  const customer = await customerSupportFacts(tx, customerId);
  if (!customer) return null;
  await lockCustomerSupport(tx, customerId);
  const entries = await lockUnbilledEntries(tx, customerId);
  if (entries.length === 0) return null;
  const rate = await hourlyRateFor(tx, customerId, customer.currency);
  if (!rate) return "NO_RATE";

  const t = translatorFor(isLocale(customer.locale) ? customer.locale : "fr");
  const lines = entries.flatMap((e) => {
    const day = dateFromDb(e.work_date);
    const period = { periodStart: day, periodEnd: addDays(day, 1) as CalendarDate };
    const reference = ticketReference(e.ticket_number);
    const activity = t(`supportBanks.activities.${e.activity}`);
    const common = { unitAmountMinor: rate.rateMinor, taxRateBp: rate.taxRateBp, productId: rate.productId, ...period };
    const out: (typeof common & { description: string; quantity: string })[] = [];
    if (e.billable_minutes > 0) out.push({ ...common, description: t("supportBanks.invoiceLines.work", { activity, reference }), quantity: hoursQuantity(e.billable_minutes) });
    if (e.travel_charged_minutes > 0) out.push({ ...common, description: t("supportBanks.invoiceLines.travelTime", { reference }), quantity: hoursQuantity(e.travel_charged_minutes) });
    if (e.travel_distance_minor > 0n) out.push({ ...common, description: t("supportBanks.invoiceLines.travelDistance", { reference }), quantity: "1", unitAmountMinor: minorFromDb(e.travel_distance_minor) });
    return out;
  });
  const { id: invoiceId } = await insertDraftInvoice(tx, { customerId, currency: customer.currency, notes: "", createdById: actor?.id ?? null, createdAt: now, lines: draftLines(lines) });
  const claimed = await markEntriesBilled(tx, entries.map((e) => e.id), invoiceId);
  // Locked above, so every one is still unbilled; anything else means another path billed them: undo.
  if (claimed !== entries.length) throw new Error(`support billing: claimed ${claimed} of ${entries.length} entries`);
  const { number } = await issueInvoiceInTransaction(tx, actor, invoiceId, now);
  await emailSupportInvoice(tx, invoiceId, `support-time-invoice:${invoiceId}`, now);
  await recordAudit(tx, {
    action: "support_time.billed",
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? "system",
    targetType: "invoice",
    targetId: invoiceId,
    customerId,
    details: { number, entries: entries.length },
    at: now,
  });
  return invoiceId;
}
