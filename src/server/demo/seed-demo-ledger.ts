import { addDays, addMonthsAnchored, type CalendarDate, todayIn } from "@/domain/billing/calendar-date";
import type { PrismaClient } from "@/generated/prisma/client";
import type { TInvoiceLineInput } from "@/contracts/billing";
import type { StaffActor } from "@/server/auth/actor";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { createDraftInvoice } from "@/server/billing/create-draft-invoice";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { recordPayment } from "@/server/billing/record-payment";

const DAY = 86_400_000;

interface DemoService {
  description: string;
  unitAmountMinor: number;
  taxRateBp: number;
  quantity?: string;
}

/** A month of services starting on `start`, as invoice lines with their periods. */
const monthLines = (services: DemoService[], start: CalendarDate): TInvoiceLineInput[] =>
  services.map((s) => ({
    description: s.description,
    quantity: s.quantity ?? "1",
    unitAmountMinor: s.unitAmountMinor,
    taxRateBp: s.taxRateBp,
    periodStart: start,
    periodEnd: addMonthsAnchored(start, 1),
  }));

/**
 * Three months of history for the demo customers, issued through the real use-cases (so numbers,
 * totals and audit entries are genuine) and in date order across customers, so numbers follow dates
 * as the law requires: a paid invoice, an overdue one, a recent one with a credit note, and a draft.
 */
export async function seedDemoLedger(db: PrismaClient, staff: StaffActor, customers: { id: string; services: DemoService[] }[], now: Date) {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const dayOf = (daysAgo: number) => todayIn("UTC", at(daysAgo));
  const issue = async (customerId: string, daysAgo: number, lines: TInvoiceLineInput[]) => {
    const { invoiceId } = await createDraftInvoice(db, staff, { customerId, notes: "", lines }, at(daysAgo));
    await issueInvoice(db, staff, invoiceId, at(daysAgo));
    return invoiceId;
  };

  for (const c of customers) {
    const paid = await issue(c.id, 75, monthLines(c.services, dayOf(75)));
    const { grossMinor } = await db.invoice.findUniqueOrThrow({ where: { id: paid }, select: { grossMinor: true } });
    await recordPayment(db, staff, paid, { amountMinor: Number(grossMinor), method: "TRANSFER", reference: "VIR-0412", receivedOn: dayOf(70) }, at(70));
  }
  for (const c of customers) await issue(c.id, 45, monthLines(c.services, dayOf(45))); // due 15 days ago: overdue
  for (const c of customers) {
    const recent = await issue(c.id, 10, [
      ...monthLines(c.services, dayOf(10)),
      { description: "Intervention sur site / On-site support (2 h)", quantity: "2", unitAmountMinor: 9500, taxRateBp: 2000 },
    ]);
    const line = await db.invoiceLine.findFirstOrThrow({ where: { invoiceId: recent }, orderBy: { position: "asc" } });
    await createCreditNote(db, staff, recent, { mode: "lines", reason: "Geste commercial — panne du 3 au 5", lines: [{ invoiceLineId: line.id, netMinor: Math.round(Number(line.netMinor) / 10) }] }, at(8));
  }
  for (const c of customers) await createDraftInvoice(db, staff, { customerId: c.id, notes: "", lines: monthLines(c.services, addDays(dayOf(0), 5)) }, now);
}
