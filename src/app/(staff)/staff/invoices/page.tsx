import { getTranslations } from "next-intl/server";
import { InvoiceFilters } from "@/components/billing/InvoiceFilters";
import { InvoiceTable } from "@/components/billing/InvoiceTable";
import { CursorNav, FilteredEmpty } from "@/components/lists/ListControls";
import { Card } from "@/components/ui";
import { calendarDate, todayIn } from "@/domain/billing/calendar-date";
import { hasInvoiceFilters, searchParamsToObject, ZInvoiceListQuery } from "@/contracts/invoice-list-query";
import { pageRequest } from "@/contracts/list-cursor";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { countInvoices, listInvoices } from "@/server/billing/invoice-list";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 25;

export default async function StaffInvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("BILLING", "SUPPORT");
  const query = ZInvoiceListQuery.parse(searchParamsToObject(await searchParams));
  // The back-office reads dates in UTC (as the table's overdue badges do).
  const today = todayIn("UTC", new Date());
  const filters = {
    status: query.status,
    today,
    search: query.q,
    customerId: query.customerId,
    issuedFrom: query.from ? calendarDate(query.from) : undefined,
    issuedTo: query.to ? calendarDate(query.to) : undefined,
  };
  const db = getDb();
  const [page, total] = await Promise.all([listInvoices(db, { staff: true }, filters, pageRequest(query, PAGE_SIZE)), countInvoices(db, { staff: true }, filters)]);
  const items = page.items;
  const t = await getTranslations("billing");
  return (
    <Card level={1} title={t("invoices")}>
      <InvoiceFilters query={query} statuses={["DRAFT", "OPEN", "OVERDUE", "PAID", "VOID"]} />
      {items.length === 0 && hasInvoiceFilters(query) ? <FilteredEmpty clearHref="/staff/invoices" /> : <InvoiceTable rows={items} hrefBase="/staff/invoices" today={today} showCustomer />}
      <CursorNav links={pageLinks(page, (i) => i.id)} total={total} params={{ q: query.q, status: query.status, from: query.from, to: query.to, customerId: query.customerId }} />
    </Card>
  );
}
