import type { TInvoiceListQuery } from "@/contracts/invoice-list-query";
import { type CalendarDate, calendarDate } from "@/domain/billing/calendar-date";
import { isPastDue } from "@/domain/billing/invoice-state";
import { currencyExponent } from "@/domain/billing/money";
import { csvDialectFor, csvLine, minorToDecimalString } from "@/domain/shared/csv";
import type { Locale } from "@/domain/i18n/locales";
import { Prisma } from "@/generated/prisma/client";
import { type InvoiceListFilters, type InvoiceListRow, invoiceList, toInvoiceListItem } from "@/server/billing/invoice-list";
import { customerToday } from "@/server/customers/customer-repository";
import { readKeysetPage } from "@/server/db/keyset-list";
import type { RootDb } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";

/** Rows read per statement: a batch is in memory at a time, whatever the file's size. */
export const CSV_BATCH_ROWS = 1_000;
/** A long export holds one read-only snapshot; this bounds it (a 1 M-row file takes well under a minute). */
const EXPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * A file name that says what it holds: the period (the filter's bounds, else the first and last issue
 * dates in the file) and the row count, e.g. `invoices_2026-01-01_2026-03-31_1204-rows.csv`.
 */
export function invoiceCsvFileName(period: { from: string | null; to: string | null }, rows: number, today: CalendarDate): string {
  return `invoices_${period.from ?? today}_${period.to ?? today}_${rows}-${rows === 1 ? "row" : "rows"}.csv`;
}

export interface InvoiceCsvExport {
  fileName: string;
  rows: number;
  /** UTF-8 CSV, written as it is read; cancelling it (the client went away) ends the export's queries. */
  body: ReadableStream<Uint8Array>;
  /** Settles when the export ends: how many batches were read, and whether the file was written whole. */
  finished: Promise<{ batches: number; complete: boolean }>;
}

/**
 * A customer's invoice list as CSV, with the page's filters, in the reader's language: translated
 * headers and statuses (an open invoice past due reads "overdue"), and the separator, decimal mark
 * and BOM their spreadsheet expects. Every row, streamed: batches of `CSV_BATCH_ROWS` over the list's
 * keyset cursor, each written before the next is read, with backpressure from the client. Count and
 * rows come from one REPEATABLE READ snapshot, so the file holds exactly the rows its name counts.
 */
export async function exportInvoicesCsv(db: RootDb, customerId: string, query: TInvoiceListQuery, locale: Locale, now: Date): Promise<InvoiceCsvExport> {
  const today = await customerToday(db, customerId, now);
  const filters: InvoiceListFilters = { status: query.status, today, search: query.q, issuedFrom: query.from ? calendarDate(query.from) : undefined, issuedTo: query.to ? calendarDate(query.to) : undefined };
  const list = invoiceList({ customerId }, filters);
  const t = translatorFor(locale);
  const dialect = csvDialectFor(locale);
  const encoder = new TextEncoder();
  let batches = 0;
  // A small queue: the database is read only as fast as the client downloads.
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, { highWaterMark: 2 }, { highWaterMark: 2 });
  const writer = writable.getWriter();

  let resolveHead: (h: { fileName: string; rows: number }) => void = () => {};
  let rejectHead: (e: unknown) => void = () => {};
  const head = new Promise<{ fileName: string; rows: number }>((resolve, reject) => {
    resolveHead = resolve;
    rejectHead = reject;
  });
  const exported = db.$transaction(
    async (tx) => {
      const [stats] = await tx.$queryRaw<{ n: number; first: Date | null; last: Date | null }[]>`
        SELECT count(*)::int AS n, min(t.issue_date) AS first, max(t.issue_date) AS last
        FROM invoices t WHERE ${Prisma.join([...list.scope, ...list.filters], " AND ")}`;
      const rows = stats?.n ?? 0;
      const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
      resolveHead({ rows, fileName: invoiceCsvFileName({ from: query.from ?? day(stats?.first), to: query.to ?? day(stats?.last) }, rows, today) });
      const header = [t("billing.number"), t("billing.issueDate"), t("billing.dueDate"), t("billing.status"), t("billing.currency"), t("billing.total"), t("billing.balance")];
      await writer.write(encoder.encode(`${dialect.bom ? "\uFEFF" : ""}${csvLine(header, dialect.separator)}`));
      let after: string | undefined;
      for (;;) {
        batches += 1;
        const page = await readKeysetPage<InvoiceListRow>(tx, list, after ? { limit: CSV_BATCH_ROWS, after } : { limit: CSV_BATCH_ROWS });
        let chunk = "";
        for (const row of page.items) {
          const i = toInvoiceListItem(row);
          const e = currencyExponent(i.currency);
          const shown = isPastDue(i.status, i.dueDate, today, i.balanceMinor) ? "OVERDUE" : i.status;
          chunk += csvLine([i.number, i.issueDate, i.dueDate, t(`billing.statuses.${shown}`), i.currency, minorToDecimalString(i.grossMinor, e, dialect.decimal), minorToDecimalString(i.balanceMinor, e, dialect.decimal)], dialect.separator);
        }
        if (chunk) await writer.write(encoder.encode(chunk)); // waits while the client is behind
        if (!page.hasMore) break;
        after = page.items.at(-1)?.id;
      }
    },
    { isolationLevel: "RepeatableRead", timeout: EXPORT_TIMEOUT_MS },
  );
  const finished = exported.then(
    async () => {
      await writer.close();
      return { batches, complete: true };
    },
    (error: unknown) => {
      rejectHead(error);
      writer.abort(error).catch(() => {});
      return { batches, complete: false };
    },
  );
  return { ...(await head), body: readable, finished };
}
