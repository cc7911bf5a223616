import type { InvoiceListItem } from "@/contracts/invoice-views";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { amountDue } from "@/domain/billing/invoice-state";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { type InvoiceStatus, Prisma } from "@/generated/prisma/client";
import { minorFromDb, optionalDateFromDb } from "@/server/billing/ledger-values";
import { cappedCount, type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import { likePattern, likePrefix } from "@/server/db/like-pattern";
import { customerNameOf } from "@/server/db/list-search";
import type { Db } from "@/server/db/types";

/**
 * The invoice list of every screen, the API and the CSV export. Order: drafts first (newest first),
 * then issued invoices by issue date and number, newest first. The sort key
 * (COALESCE(issue_date, 'infinity'), COALESCE(number, ''), created_at, id) is served exactly by the
 * expression indexes of migration 20261202070000_list_indexes (overall, per customer, per status).
 */
export type { InvoiceListItem };
export type LedgerScope = { customerId: string } | { staff: true };

export interface InvoiceListFilters {
  /** OVERDUE: open and due before `today` (an OPEN invoice always has something left to pay). */
  status?: InvoiceStatus | "OVERDUE";
  /** The calendar day the OVERDUE filter compares due dates with (the customer's today). */
  today?: CalendarDate;
  /** Part of the number (trigram index), e.g. "2026-0004". */
  search?: string;
  issuedFrom?: CalendarDate;
  issuedTo?: CalendarDate;
  customerId?: string;
}


const INVOICE_KEY = ["COALESCE(t.issue_date, 'infinity'::date)", "COALESCE(t.number, '')", "t.created_at", "t.id"] as const;

/** Customers see their company only, and never drafts (`?status=DRAFT` included). */
function scopeSql(scope: LedgerScope): Prisma.Sql[] {
  return "customerId" in scope ? [Prisma.sql`t.customer_id = ${scope.customerId}::uuid`, Prisma.sql`t.status <> 'DRAFT'`] : [];
}

/**
 * Number search. What people type from a bank statement or an e-mail is the start of a number
 * ("F2026-0004…"): a term that starts with a letter is a prefix, served by the btree
 * invoices_number_prefix_idx in a few index entries. Anything else ("000123", the sequence alone)
 * is "contains", served by the trigram index (whose posting lists for a whole number's common
 * trigrams cost ~20 ms at a million invoices, hence the prefix path).
 */
function numberSearch(term: string): Prisma.Sql {
  if (/^[\p{L}]/u.test(term)) return Prisma.sql`upper(t.number) LIKE ${likePrefix(term.toUpperCase())}`;
  return Prisma.sql`t.number ILIKE ${likePattern(term)}`;
}

function filterSql(scope: LedgerScope, f: InvoiceListFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.status === "OVERDUE") out.push(Prisma.sql`t.status = 'OPEN'`, Prisma.sql`t.due_date < ${f.today ?? "9999-12-31"}::date`);
  else if (f.status) out.push(Prisma.sql`t.status = ${f.status}::invoice_status`);
  if (f.customerId && !("customerId" in scope)) out.push(Prisma.sql`t.customer_id = ${f.customerId}::uuid`);
  if (f.search) out.push(numberSearch(f.search));
  if (f.issuedFrom) out.push(Prisma.sql`t.issue_date >= ${f.issuedFrom}::date`);
  if (f.issuedTo) out.push(Prisma.sql`t.issue_date <= ${f.issuedTo}::date`);
  return out;
}

export function invoiceList(scope: LedgerScope, filters: InvoiceListFilters): KeysetList {
  return {
    table: "invoices",
    idType: "uuid",
    key: INVOICE_KEY,
    order: "DESC",
    select: Prisma.sql`t.id::text AS id, t.number, t.status::text AS status, t.customer_id::text AS "customerId", ${customerNameOf},
      t.currency, t.issue_date AS "issueDate", t.due_date AS "dueDate", t.gross_minor AS "grossMinor", t.paid_minor AS "paidMinor", t.credited_minor AS "creditedMinor"`,
    scope: scopeSql(scope),
    filters: filterSql(scope, filters),
  };
}

export interface InvoiceListRow {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  customerId: string;
  customerName: string;
  currency: string;
  issueDate: Date | null;
  dueDate: Date | null;
  grossMinor: bigint;
  paidMinor: bigint;
  creditedMinor: bigint;
}

export function toInvoiceListItem(r: InvoiceListRow): InvoiceListItem {
  const amounts = { grossMinor: minorFromDb(r.grossMinor), paidMinor: minorFromDb(r.paidMinor), creditedMinor: minorFromDb(r.creditedMinor) };
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    customerId: r.customerId,
    customerName: r.customerName,
    currency: r.currency,
    issueDate: optionalDateFromDb(r.issueDate),
    dueDate: optionalDateFromDb(r.dueDate),
    grossMinor: amounts.grossMinor,
    balanceMinor: amountDue(r.status, amounts),
  };
}

/** One page of invoices: one indexed statement whatever the page's depth. */
export async function listInvoices(db: Db, scope: LedgerScope, filters: InvoiceListFilters, page: PageRequest): Promise<CursorPage<InvoiceListItem>> {
  const read = await readKeysetPage<InvoiceListRow>(db, invoiceList(scope, filters), page);
  return { ...read, items: read.items.map(toInvoiceListItem) };
}

/** The total people see above a list: exact up to `cap`, then "cap+". */
export const INVOICE_COUNT_CAP = 10_000;
export async function countInvoices(db: Db, scope: LedgerScope, filters: InvoiceListFilters) {
  return cappedCount(db, invoiceList(scope, filters), INVOICE_COUNT_CAP);
}

/** What a customer owes per currency, and what of it is late: one aggregate over their open invoices. */
export const balanceSummaryStatement = (customerId: string, today: CalendarDate): Prisma.Sql => Prisma.sql`
  SELECT currency,
         sum(gross_minor - paid_minor - credited_minor)::bigint AS "dueMinor",
         coalesce(sum(gross_minor - paid_minor - credited_minor) FILTER (WHERE due_date < ${today}::date), 0)::bigint AS "overdueMinor",
         (count(*) FILTER (WHERE due_date < ${today}::date))::int AS "overdueCount"
  FROM invoices
  WHERE customer_id = ${customerId}::uuid AND status = 'OPEN'
  GROUP BY currency ORDER BY currency`;

export async function customerBalanceSummary(db: Db, customerId: string, today: CalendarDate) {
  const rows = await db.$queryRaw<{ currency: string; dueMinor: bigint; overdueMinor: bigint; overdueCount: number }[]>(balanceSummaryStatement(customerId, today));
  return rows.map((r) => ({ currency: r.currency, dueMinor: minorFromDb(r.dueMinor), overdueMinor: minorFromDb(r.overdueMinor), overdueCount: r.overdueCount }));
}
