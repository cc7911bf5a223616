import { todayIn } from "@/domain/billing/calendar-date";
import { consumptionSeries } from "@/domain/support/consumption-series";
import { minutesToHours } from "@/domain/support/duration-format";
import type { SupportOverviewDto } from "@/contracts/support-banks";
import { dateFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";
import { bankUsePerDay, customerBanks, customerEntries, customerSupportFacts } from "@/server/support/banks/hour-bank-repository";
import { hourlyRateFor } from "@/server/support/banks/hourly-rate";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";

/**
 * One company's support hours as its pages show them (staff and portal alike): the balance, each bank
 * and what it has left, the latest entries and how each was paid, and the consumption series. The
 * caller passes the company it is allowed to see (the portal: the signed-in user's, always).
 */
export async function getSupportOverview(db: Db, customerId: string, now: Date = new Date()): Promise<SupportOverviewDto | null> {
  const customer = await customerSupportFacts(db, customerId);
  if (!customer) return null;
  const [banks, entries, usePerDay, rate] = await Promise.all([
    customerBanks(db, customerId),
    customerEntries(db, customerId),
    bankUsePerDay(db, customerId),
    hourlyRateFor(db, customerId, customer.currency),
  ]);
  const boughtMinutes = banks.reduce((s, b) => s + b.hours * 60, 0);
  const usedMinutes = banks.reduce((s, b) => s + b.usedMinutes, 0);
  const series = consumptionSeries(
    banks.map((b) => ({ on: todayIn(customer.timeZone, b.purchasedAt), minutes: b.hours * 60 })),
    usePerDay.map((u) => ({ on: dateFromDb(u.on), minutes: u.minutes })),
  );
  return {
    currency: customer.currency,
    today: todayIn(customer.timeZone, now),
    balance: { boughtMinutes, usedMinutes, remainingMinutes: boughtMinutes - usedMinutes },
    banks: banks.map((b) => ({ ...b, purchasedAt: todayIn(customer.timeZone, b.purchasedAt), remainingMinutes: b.hours * 60 - b.usedMinutes })),
    entries: entries.map((e) => ({
      id: e.id,
      workDate: dateFromDb(e.workDate),
      ticketId: e.ticketId,
      ticketReference: ticketReference(e.ticket.number),
      ticketSubject: e.ticket.subject,
      technicianName: e.technician.name,
      urgency: e.urgency,
      channel: e.channel,
      activity: e.activity,
      actualMinutes: e.actualMinutes,
      chargedMinutes: e.chargedMinutes,
      bankMinutes: e.bankMinutes,
      billableMinutes: e.billableMinutes,
      travelChargedMinutes: e.travelChargedMinutes,
      travelDistanceMinor: Number(e.travelDistanceMinor),
      note: e.note,
      billedInvoiceId: e.billedInvoiceId,
      billedInvoiceNumber: e.billedInvoice?.number ?? null,
    })),
    consumption: series.map((p) => ({ on: p.on, usedHours: minutesToHours(p.usedMinutes), boughtHours: minutesToHours(p.boughtMinutes) })),
    hourlyRate: rate ? { rateMinor: rate.rateMinor, currency: customer.currency } : null,
  };
}
