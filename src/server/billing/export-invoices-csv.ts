import type { TInvoiceListQuery } from "@/contracts/invoice-list-query";
import { type CalendarDate, calendarDate } from "@/domain/billing/calendar-date";
import { isPastDue } from "@/domain/billing/invoice-state";
import { currencyExponent } from "@/domain/billing/money";
import { csvDialectFor, minorToDecimalString, toCsv } from "@/domain/shared/csv";
import type { Locale } from "@/domain/i18n/locales";
import { listInvoices } from "@/server/billing/invoice-queries";
import { customerToday } from "@/server/customers/customer-repository";
import type { Db } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";

const MAX_ROWS = 10_000;

/** A file name that says what it holds: `invoices-2026-01-01_2026-03-31.csv`, else the day it was made. */
export function invoiceCsvFileName(from: string | undefined, to: string | undefined, today: CalendarDate): string {
  if (!from && !to) return `invoices-${today}.csv`;
  return `invoices-${from ?? "start"}_${to ?? today}.csv`;
}

/**
 * A customer's invoice list as CSV, with the page's filters, in the reader's language: translated
 * headers and statuses (an open invoice past due reads "overdue"), and the separator, decimal mark
 * and BOM their spreadsheet expects. Cells keep the formula-injection guard of `toCsv`.
 */
export async function exportInvoicesCsv(db: Db, customerId: string, query: TInvoiceListQuery, locale: Locale, now: Date) {
  const today = await customerToday(db, customerId, now);
  const { items } = await listInvoices(
    db,
    { customerId },
    { status: query.status, today, search: query.q, issuedFrom: query.from ? calendarDate(query.from) : undefined, issuedTo: query.to ? calendarDate(query.to) : undefined },
    { take: MAX_ROWS, skip: 0 },
  );
  const t = translatorFor(locale);
  const dialect = csvDialectFor(locale);
  const csv = toCsv(
    [t("billing.number"), t("billing.issueDate"), t("billing.dueDate"), t("billing.status"), t("billing.currency"), t("billing.total"), t("billing.balance")],
    items.map((i) => {
      const e = currencyExponent(i.currency);
      const shown = isPastDue(i.status, i.dueDate, today, i.balanceMinor) ? "OVERDUE" : i.status;
      return [i.number, i.issueDate, i.dueDate, t(`billing.statuses.${shown}`), i.currency, minorToDecimalString(i.grossMinor, e, dialect.decimal), minorToDecimalString(i.balanceMinor, e, dialect.decimal)];
    }),
    dialect.separator,
  );
  return { body: `${dialect.bom ? "\uFEFF" : ""}${csv}`, fileName: invoiceCsvFileName(query.from, query.to, today), rows: items.length };
}
