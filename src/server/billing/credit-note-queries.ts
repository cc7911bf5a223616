import type { CalendarDate } from "@/domain/billing/calendar-date";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import type { LedgerScope } from "@/server/billing/invoice-queries";
import type { Db } from "@/server/db/types";

const scoped = (scope: LedgerScope) => ("customerId" in scope ? { customerId: scope.customerId } : {});

export interface CreditNoteListItem {
  id: string;
  number: string;
  issueDate: CalendarDate;
  currency: string;
  grossMinor: number;
  reason: string;
  invoice: { id: string; number: string | null };
  customerName: string;
}

export interface CreditNoteDetail extends CreditNoteListItem {
  netMinor: number;
  taxMinor: number;
  customerId: string;
  buyer: { name: string; addressLines: string[]; taxId: string | null; email: string | null } | null;
  lines: { id: string; description: string; netMinor: number; taxRateBp: number; period: { start: CalendarDate; end: CalendarDate } | null }[];
  taxLines: { taxRateBp: number; netMinor: number; taxMinor: number }[];
  customerLocale: string;
}

export async function findCreditNoteDetail(db: Db, scope: LedgerScope, creditNoteId: string): Promise<CreditNoteDetail | null> {
  const r = await db.creditNote.findFirst({
    where: { id: creditNoteId, ...scoped(scope) },
    include: {
      invoice: { select: { id: true, number: true, buyer: true } },
      customer: { select: { legalName: true, locale: true } },
      lines: { orderBy: { position: "asc" } },
      taxLines: { orderBy: { taxRateBp: "asc" } },
    },
  });
  if (!r) return null;
  return {
    id: r.id,
    number: r.number,
    issueDate: dateFromDb(r.issueDate),
    currency: r.currency,
    grossMinor: minorFromDb(r.grossMinor),
    netMinor: minorFromDb(r.netMinor),
    taxMinor: minorFromDb(r.taxMinor),
    reason: r.reason,
    invoice: { id: r.invoice.id, number: r.invoice.number },
    customerId: r.customerId,
    customerName: r.customer.legalName,
    customerLocale: r.customer.locale,
    taxLines: r.taxLines.map((t) => ({ taxRateBp: t.taxRateBp, netMinor: minorFromDb(t.netMinor), taxMinor: minorFromDb(t.taxMinor) })),
    buyer: (r.invoice.buyer as CreditNoteDetail["buyer"]) ?? null,
    lines: r.lines.map((l) => ({
      id: l.id,
      description: l.description,
      netMinor: minorFromDb(l.netMinor),
      taxRateBp: l.taxRateBp,
      period: l.periodStart && l.periodEnd ? { start: dateFromDb(l.periodStart), end: dateFromDb(l.periodEnd) } : null,
    })),
  };
}
