import type { CreditNoteDetail, } from "@/contracts/credit-note-views";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import type { LedgerScope } from "@/server/billing/invoice-queries";
import type { Db } from "@/server/db/types";

const scoped = (scope: LedgerScope) => ("customerId" in scope ? { customerId: scope.customerId } : {});

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

/** The seller stored on a credit note when it was created (JSON, checked by `parseSellerSnapshot`). */
export async function findCreditNoteSellerJson(db: Db, creditNoteId: string): Promise<unknown> {
  const row = await db.creditNote.findUnique({ where: { id: creditNoteId }, select: { seller: true } });
  return row?.seller ?? null;
}
