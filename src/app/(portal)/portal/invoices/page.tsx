import { getTranslations } from "next-intl/server";
import { InvoiceFilters } from "@/components/billing/InvoiceFilters";
import { InvoiceTable } from "@/components/billing/InvoiceTable";
import { CursorNav, FilteredEmpty } from "@/components/lists/ListControls";
import { Card } from "@/components/ui";
import { calendarDate } from "@/domain/billing/calendar-date";
import { hasInvoiceFilters, searchParamsToObject, ZInvoiceListQuery } from "@/contracts/invoice-list-query";
import { pageRequest } from "@/contracts/list-cursor";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireCustomer } from "@/server/auth/guards";
import { countInvoices, listInvoices } from "@/server/billing/invoice-list";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 20;

export default async function PortalInvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireCustomer();
  const query = ZInvoiceListQuery.parse(searchParamsToObject(await searchParams));
  const db = getDb();
  // Overdue is judged against the customer's today, in their time zone.
  const today = await customerToday(db, user.customerId, new Date());
  const filters = { status: query.status, today, search: query.q, issuedFrom: query.from ? calendarDate(query.from) : undefined, issuedTo: query.to ? calendarDate(query.to) : undefined };
  const scope = { customerId: user.customerId };
  const [page, total] = await Promise.all([listInvoices(db, scope, filters, pageRequest(query, PAGE_SIZE)), countInvoices(db, scope, filters)]);
  const items = page.items;
  const t = await getTranslations("billing");
  const exportParams = new URLSearchParams(Object.entries({ q: query.q, status: query.status, from: query.from, to: query.to }).filter((e): e is [string, string] => !!e[1]));
  return (
    <Card level={1} title={t("invoices")} actions={<a href={`/portal/invoices/export.csv?${exportParams}`} data-testid="invoices-csv">{t("exportCsv")}</a>}>
      <InvoiceFilters query={query} statuses={["OPEN", "OVERDUE", "PAID", "VOID"]} />
      {items.length === 0 && hasInvoiceFilters(query) ? <FilteredEmpty clearHref="/portal/invoices" /> : <InvoiceTable rows={items} hrefBase="/portal/invoices" today={today} />}
      <CursorNav links={pageLinks(page, (i) => i.id)} total={total} params={{ q: query.q, status: query.status, from: query.from, to: query.to }} />
    </Card>
  );
}
