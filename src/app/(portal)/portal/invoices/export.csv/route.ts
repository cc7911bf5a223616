import { calendarDate } from "@/domain/billing/calendar-date";
import { currencyExponent } from "@/domain/billing/money";
import { minorToDecimalString, toCsv } from "@/domain/shared/csv";
import { NUL_BYTE_MESSAGE, nulBytePaths } from "@/domain/shared/nul-bytes";
import { searchParamsToObject, ZInvoiceListQuery } from "@/contracts/invoice-list-query";
import { requireCustomer } from "@/server/auth/guards";
import { listInvoices } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";

const MAX_ROWS = 10_000;

/** The invoice list as CSV, with the same filters as the page, for the caller's company only. */
export async function GET(request: Request) {
  const user = await requireCustomer();
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  // A file download has no form to show an error next to: a bad parameter is a 400 naming it.
  const unsafe = nulBytePaths(raw);
  if (unsafe.length > 0) return Response.json({ error: { code: "VALIDATION_FAILED", issues: unsafe.map((p) => ({ field: p.join("."), reason: NUL_BYTE_MESSAGE })) } }, { status: 400 });
  const query = ZInvoiceListQuery.parse(searchParamsToObject(raw));
  const { items } = await listInvoices(
    getDb(),
    { customerId: user.customerId },
    { status: query.status, search: query.q, issuedFrom: query.from ? calendarDate(query.from) : undefined, issuedTo: query.to ? calendarDate(query.to) : undefined },
    { take: MAX_ROWS, skip: 0 },
  );
  const csv = toCsv(
    ["number", "issue_date", "due_date", "status", "currency", "total", "balance"],
    items.map((i) => {
      const e = currencyExponent(i.currency);
      return [i.number, i.issueDate, i.dueDate, i.status, i.currency, minorToDecimalString(i.grossMinor, e), minorToDecimalString(i.balanceMinor, e)];
    }),
  );
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="invoices.csv"',
      "Cache-Control": "no-store",
    },
  });
}
