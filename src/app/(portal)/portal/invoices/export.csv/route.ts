import { getLocale } from "next-intl/server";
import { NUL_BYTE_MESSAGE, nulBytePaths } from "@/domain/shared/nul-bytes";
import { isLocale } from "@/domain/i18n/locales";
import { searchParamsToObject, ZInvoiceListQuery } from "@/contracts/invoice-list-query";
import { requireCustomer } from "@/server/auth/guards";
import { exportInvoicesCsv } from "@/server/billing/export-invoices-csv";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/logger";

/** The invoice list as CSV, with the same filters as the page, for the caller's company only, in their language. */
export async function GET(request: Request) {
  const user = await requireCustomer();
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  // A file download has no form to show an error next to: a bad parameter is a 400 naming it.
  const unsafe = nulBytePaths(raw);
  if (unsafe.length > 0) return Response.json({ error: { code: "VALIDATION_FAILED", issues: unsafe.map((p) => ({ field: p.join("."), reason: NUL_BYTE_MESSAGE })) } }, { status: 400 });
  const query = ZInvoiceListQuery.parse(searchParamsToObject(raw));
  const locale = await getLocale();
  const { body, fileName, rows, finished } = await exportInvoicesCsv(getDb(), user.customerId, query, isLocale(locale) ? locale : "en", new Date());
  void finished.then((o) => logger.info({ rows, batches: o.batches, complete: o.complete }, o.complete ? "csv export written" : "csv export abandoned by the client"));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Row-Count": String(rows),
      "Cache-Control": "no-store",
    },
  });
}
