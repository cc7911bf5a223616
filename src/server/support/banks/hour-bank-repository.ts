import type { Prisma, SupportActivity, SupportChannel, SupportUrgency } from "@/generated/prisma/client";
import type { BankBalance, BankDraw, VolumeTier } from "@/domain/support/hour-bank";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/** Hour banks, their tiers, time entries and draws: the only Prisma access of the bank use-cases. */

export interface BankProductRow {
  id: string;
  name: string;
  taxRateBp: number;
  active: boolean;
  tiers: (VolumeTier & { currency: string })[];
  /** One-off prices (cycle null) per currency: the hourly rate of time billed outside a bank. */
  hourlyRates: Map<string, number>;
}

const bankProductSelect = {
  id: true,
  name: true,
  taxRateBp: true,
  active: true,
  hourBankTiers: { orderBy: [{ currency: "asc" }, { fromHours: "asc" }] },
  prices: { where: { cycle: null } },
} satisfies Prisma.ProductSelect;

type RawBankProduct = {
  id: string;
  name: string;
  taxRateBp: number;
  active: boolean;
  hourBankTiers: { currency: string; fromHours: number; rateMinor: bigint }[];
  prices: { currency: string; unitAmountMinor: bigint }[];
};

const toBankProduct = (p: RawBankProduct): BankProductRow => ({
  id: p.id,
  name: p.name,
  taxRateBp: p.taxRateBp,
  active: p.active,
  tiers: p.hourBankTiers.map((t) => ({ currency: t.currency, fromHours: t.fromHours, rateMinor: minorFromDb(t.rateMinor) })),
  hourlyRates: new Map(p.prices.map((pr) => [pr.currency, minorFromDb(pr.unitAmountMinor)])),
});

/** A product of kind SUPPORT_HOUR_BANK (null for any other product or an unknown id). */
export async function findBankProduct(db: Db, productId: string): Promise<BankProductRow | null> {
  const p = await db.product.findFirst({ where: { id: productId, kind: "SUPPORT_HOUR_BANK" }, select: bankProductSelect });
  return p ? toBankProduct(p) : null;
}

/** Active bank products, oldest first (the first one with a rate prices time outside any bank). */
export async function listBankProducts(db: Db): Promise<BankProductRow[]> {
  const rows = await db.product.findMany({ where: { kind: "SUPPORT_HOUR_BANK", active: true }, select: bankProductSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toBankProduct);
}

export async function replaceTiers(db: Db, productId: string, currency: string, tiers: readonly VolumeTier[]): Promise<void> {
  await db.hourBankTier.deleteMany({ where: { productId, currency } });
  if (tiers.length > 0) await db.hourBankTier.createMany({ data: tiers.map((t) => ({ productId, currency, fromHours: t.fromHours, rateMinor: BigInt(t.rateMinor) })) });
}

/**
 * Serialises everything that reads or changes one customer's banks (a purchase, a time entry, the
 * billing of its time): two entries logged at once never draw the same minutes. Transaction-scoped,
 * so it never leaks across the pool.
 */
export async function lockCustomerSupport(db: Db, customerId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`hour-banks:${customerId}`}, 0))`;
}

/** What is left of each of the customer's banks, from their draws (oldest purchase first). */
export async function bankBalances(db: Db, customerId: string): Promise<(BankBalance & { hours: number })[]> {
  const rows = await db.$queryRaw<{ id: string; purchased_at: Date; hours: number; used: bigint }[]>`
    SELECT b.id::text, b.purchased_at, b.hours, COALESCE(SUM(d.minutes), 0)::bigint AS used
    FROM hour_banks b LEFT JOIN hour_bank_draws d ON d.bank_id = b.id
    WHERE b.customer_id = ${customerId}::uuid
    GROUP BY b.id ORDER BY b.purchased_at, b.id`;
  return rows.map((r) => ({ bankId: r.id, purchasedAt: r.purchased_at, hours: r.hours, remainingMinutes: r.hours * 60 - Number(r.used) }));
}

export function findBankByPurchaseKey(db: Db, purchaseKey: string) {
  return db.hourBank.findUnique({ where: { purchaseKey }, select: { id: true, customerId: true, invoiceId: true, hours: true, totalMinor: true, currency: true, invoice: { select: { number: true } } } });
}

export function insertHourBank(
  db: Db,
  b: { customerId: string; productId: string; hours: number; rateMinor: number; totalMinor: number; currency: string; invoiceId: string; purchasedAt: Date; createdById: string; purchaseKey: string },
): Promise<{ id: string }> {
  return db.hourBank.create({ data: { ...b, rateMinor: BigInt(b.rateMinor), totalMinor: BigInt(b.totalMinor) }, select: { id: true } });
}

export interface NewTimeEntry {
  customerId: string;
  ticketId: string;
  technicianId: string;
  workDate: Date;
  actualMinutes: number;
  urgency: SupportUrgency;
  channel: SupportChannel;
  activity: SupportActivity;
  travelKm: number;
  travelMinutes: number;
  note: string;
  chargedMinutes: number;
  bankMinutes: number;
  billableMinutes: number;
  travelChargedMinutes: number;
  travelDistanceMinor: number;
}

export function insertTimeEntry(db: Db, e: NewTimeEntry, draws: readonly BankDraw[]): Promise<{ id: string }> {
  return db.supportTimeEntry.create({
    data: { ...e, travelDistanceMinor: BigInt(e.travelDistanceMinor), draws: { create: draws.map((d) => ({ bankId: d.bankId, minutes: d.minutes })) } },
    select: { id: true },
  });
}

/** True when this (customer, threshold, total bought) had no alert yet: the caller sends it. */
export async function claimLowBalanceAlert(db: Db, customerId: string, thresholdPct: number, totalMinutes: number, at: Date): Promise<boolean> {
  const n = await db.$executeRaw`
    INSERT INTO low_balance_alerts (customer_id, threshold_pct, total_minutes, sent_at)
    VALUES (${customerId}::uuid, ${thresholdPct}, ${totalMinutes}, ${at})
    ON CONFLICT DO NOTHING`;
  return n === 1;
}

/** The company's primary contact: its oldest active owner, else its billing address. */
export async function primaryContact(db: Db, customerId: string): Promise<{ email: string; locale: string; companyName: string }> {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { legalName: true, billingEmail: true, locale: true } });
  const owner = await db.user.findFirst({
    where: { customerId, kind: "CUSTOMER", customerRole: "OWNER", disabledAt: null, removedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { email: true, locale: true },
  });
  return { email: owner?.email ?? customer.billingEmail, locale: owner?.locale ?? customer.locale, companyName: customer.legalName };
}

/** Whom an intervention on a ticket is told to: its requester, in their language when they have an account. */
export async function ticketRequesterContact(db: Db, ticket: { requesterId: string | null; requesterEmail: string; customerId: string }) {
  const user = ticket.requesterId ? await db.user.findUnique({ where: { id: ticket.requesterId }, select: { locale: true } }) : null;
  const customer = await db.customer.findUniqueOrThrow({ where: { id: ticket.customerId }, select: { locale: true, timeZone: true, currency: true } });
  return { email: ticket.requesterEmail, locale: user?.locale ?? customer.locale };
}

/** An intervention is a response: the first one stops the ticket's SLA clock. */
export async function markTicketResponded(db: Db, ticketId: string, at: Date): Promise<void> {
  await db.supportTicket.updateMany({ where: { id: ticketId, firstResponseAt: null }, data: { firstResponseAt: at } });
}

/** A member of staff who may be named as the technician of an entry (support or admin, enabled). */
export function findTechnician(db: Db, userId: string) {
  return db.user.findFirst({ where: { id: userId, kind: "STAFF", disabledAt: null, staffRoles: { hasSome: ["SUPPORT", "ADMIN"] } }, select: { id: true, name: true } });
}

export function listTechnicians(db: Db) {
  return db.user.findMany({ where: { kind: "STAFF", disabledAt: null, staffRoles: { hasSome: ["SUPPORT", "ADMIN"] } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** The customer's open tickets, newest first, for the time entry form. */
export function listOpenTickets(db: Db, customerId: string) {
  return db.supportTicket.findMany({ where: { customerId, status: "OPEN" }, select: { id: true, number: true, subject: true, urgency: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
}

/** Customers with time not yet billed (work no bank covered, or travel). */
export async function customersWithUnbilledTime(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ customer_id: string }[]>`
    SELECT DISTINCT customer_id::text FROM support_time_entries
    WHERE billed_invoice_id IS NULL AND (billable_minutes > 0 OR travel_charged_minutes > 0 OR travel_distance_minor > 0)
    ORDER BY 1`;
  return rows.map((r) => r.customer_id);
}

/** The customer's unbilled entries, oldest work first, locked until the caller's transaction ends. */
export async function lockUnbilledEntries(db: Db, customerId: string) {
  return db.$queryRaw<{ id: string; work_date: Date; billable_minutes: number; travel_charged_minutes: number; travel_distance_minor: bigint; ticket_number: number; activity: SupportActivity }[]>`
    SELECT e.id::text, e.work_date, e.billable_minutes, e.travel_charged_minutes, e.travel_distance_minor, t.number AS ticket_number, e.activity
    FROM support_time_entries e JOIN support_tickets t ON t.id = e.ticket_id
    WHERE e.customer_id = ${customerId}::uuid AND e.billed_invoice_id IS NULL
      AND (e.billable_minutes > 0 OR e.travel_charged_minutes > 0 OR e.travel_distance_minor > 0)
    ORDER BY e.work_date, e.created_at, e.id
    FOR UPDATE OF e`;
}

/** Marks entries billed on `invoiceId`, only those still unbilled; returns how many it marked. */
export function markEntriesBilled(db: Db, entryIds: string[], invoiceId: string): Promise<number> {
  return db.$executeRaw`
    UPDATE support_time_entries SET billed_invoice_id = ${invoiceId}::uuid
    WHERE id = ANY(${entryIds}::uuid[]) AND billed_invoice_id IS NULL`;
}

/** The product whose one-off price bills a customer's time: that of their latest bank, else the oldest bank product. */
export async function latestBankProductId(db: Db, customerId: string): Promise<string | null> {
  const b = await db.hourBank.findFirst({ where: { customerId }, orderBy: [{ purchasedAt: "desc" }, { id: "desc" }], select: { productId: true } });
  return b?.productId ?? null;
}

/** What the e-mail of a support invoice shows, and to whom it goes (the billing address). */
export async function invoiceEmailFacts(db: Db, invoiceId: string) {
  const i = await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { number: true, currency: true, grossMinor: true, paidMinor: true, creditedMinor: true, dueDate: true, customer: { select: { legalName: true, billingEmail: true, locale: true } } },
  });
  return { number: i.number, currency: i.currency, owedMinor: minorFromDb(i.grossMinor - i.paidMinor - i.creditedMinor), dueDate: i.dueDate, customer: i.customer };
}

/** The customer's currency, time zone and name (null for an unknown id). */
export function customerSupportFacts(db: Db, customerId: string) {
  return db.customer.findUnique({ where: { id: customerId }, select: { id: true, legalName: true, currency: true, timeZone: true, locale: true } });
}

/** The customer's banks, oldest first, with their invoice number and what each has left. */
export async function customerBanks(db: Db, customerId: string) {
  const rows = await db.$queryRaw<{ id: string; purchased_at: Date; hours: number; rate_minor: bigint; total_minor: bigint; currency: string; invoice_id: string; invoice_number: string | null; used: bigint }[]>`
    SELECT b.id::text, b.purchased_at, b.hours, b.rate_minor, b.total_minor, b.currency, b.invoice_id::text, i.number AS invoice_number,
           COALESCE((SELECT SUM(d.minutes) FROM hour_bank_draws d WHERE d.bank_id = b.id), 0)::bigint AS used
    FROM hour_banks b JOIN invoices i ON i.id = b.invoice_id
    WHERE b.customer_id = ${customerId}::uuid
    ORDER BY b.purchased_at, b.id`;
  return rows.map((r) => ({
    id: r.id,
    purchasedAt: r.purchased_at,
    hours: r.hours,
    rateMinor: minorFromDb(r.rate_minor),
    totalMinor: minorFromDb(r.total_minor),
    currency: r.currency,
    invoiceId: r.invoice_id,
    invoiceNumber: r.invoice_number,
    usedMinutes: Number(r.used),
  }));
}

/** The customer's latest time entries (newest work first), with what a page shows of each. */
export function customerEntries(db: Db, customerId: string, limit = 200) {
  return db.supportTimeEntry.findMany({
    where: { customerId },
    orderBy: [{ workDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { ticket: { select: { number: true, subject: true } }, technician: { select: { name: true } }, billedInvoice: { select: { number: true } } },
  });
}

/** Minutes drawn from banks per work date, for the consumption chart (all of them, summed by the database). */
export async function bankUsePerDay(db: Db, customerId: string): Promise<{ on: Date; minutes: number }[]> {
  const rows = await db.$queryRaw<{ on: Date; minutes: bigint }[]>`
    SELECT work_date AS on, SUM(bank_minutes)::bigint AS minutes FROM support_time_entries
    WHERE customer_id = ${customerId}::uuid AND bank_minutes > 0
    GROUP BY work_date ORDER BY work_date`;
  return rows.map((r) => ({ on: r.on, minutes: Number(r.minutes) }));
}
