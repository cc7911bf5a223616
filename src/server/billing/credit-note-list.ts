import type { CreditNoteListItemDto } from "@/contracts/staff-lists";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import type { LedgerScope } from "@/server/billing/invoice-list";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import { cappedCount, type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import { columnOrCustomerContains, customerNameOf, invoiceNumberOf } from "@/server/db/list-search";
import type { Db } from "@/server/db/types";

/**
 * Every credit note list (the portal's, the back-office's, the API's): newest first by issue date,
 * then number (so notes of one day read in number order), id last. The key
 * (issue_date, number, id) is served exactly by credit_notes_issue_date_number_id_idx, and per
 * customer by credit_notes_customer_id_issue_date_number_id_idx (migration
 * 20261202070100_more_list_indexes).
 */
const CREDIT_NOTE_KEY = ["t.issue_date", "t.number", "t.id"] as const;

export interface CreditNoteListFilters {
  /** Staff only: one customer's notes (a customer's scope already is). */
  customerId?: string;
  /** Part of the number (trigram index) or of the customer's legal name. */
  search?: string;
  issuedFrom?: CalendarDate;
  issuedTo?: CalendarDate;
}

function filterSql(scope: LedgerScope, f: CreditNoteListFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.customerId && !("customerId" in scope)) out.push(Prisma.sql`t.customer_id = ${f.customerId}::uuid`);
  if (f.search) out.push(columnOrCustomerContains("t.number", f.search));
  if (f.issuedFrom) out.push(Prisma.sql`t.issue_date >= ${f.issuedFrom}::date`);
  if (f.issuedTo) out.push(Prisma.sql`t.issue_date <= ${f.issuedTo}::date`);
  return out;
}

export function creditNoteList(scope: LedgerScope, filters: CreditNoteListFilters): KeysetList {
  return {
    table: "credit_notes",
    idType: "uuid",
    key: CREDIT_NOTE_KEY,
    order: "DESC",
    select: Prisma.sql`t.id::text AS id, t.number, t.customer_id::text AS "customerId", ${customerNameOf},
      t.invoice_id::text AS "invoiceId", ${invoiceNumberOf}, t.currency, t.issue_date AS "issueDate", t.gross_minor AS "grossMinor", t.reason`,
    scope: "customerId" in scope ? [Prisma.sql`t.customer_id = ${scope.customerId}::uuid`] : [],
    filters: filterSql(scope, filters),
  };
}

interface CreditNoteListRow {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  invoiceId: string;
  invoiceNumber: string | null;
  currency: string;
  issueDate: Date;
  grossMinor: bigint;
  reason: string;
}

const toItem = (r: CreditNoteListRow): CreditNoteListItemDto => ({
  id: r.id,
  number: r.number,
  customerId: r.customerId,
  customerName: r.customerName,
  invoice: { id: r.invoiceId, number: r.invoiceNumber },
  currency: r.currency,
  issueDate: dateFromDb(r.issueDate),
  grossMinor: minorFromDb(r.grossMinor),
  reason: r.reason,
});

/** One page of credit notes: one indexed statement whatever the page's depth. */
export async function listCreditNotes(
  db: Db,
  scope: LedgerScope,
  filters: CreditNoteListFilters,
  page: PageRequest,
): Promise<CursorPage<CreditNoteListItemDto>> {
  const read = await readKeysetPage<CreditNoteListRow>(db, creditNoteList(scope, filters), page);
  return { ...read, items: read.items.map(toItem) };
}

/** How many notes the list holds, exact up to `cap`. */
export async function countCreditNotes(
  db: Db,
  scope: LedgerScope,
  filters: CreditNoteListFilters,
  cap: number,
) {
  return cappedCount(db, creditNoteList(scope, filters), cap);
}
