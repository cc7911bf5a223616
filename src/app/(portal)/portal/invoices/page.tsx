import { getTranslations } from "next-intl/server";
import { InvoiceFilters } from "@/components/billing/InvoiceFilters";
import { InvoiceTable } from "@/components/billing/InvoiceTable";
import { CursorNav, FilteredEmpty } from "@/components/lists/ListControls";
import { PayAllDue } from "@/components/portal/PayAllDue";
import { PayButton } from "@/components/portal/PayButton";
import { Card } from "@/components/ui";
import { calendarDate } from "@/domain/billing/calendar-date";
import { hasInvoiceFilters, searchParamsToObject, ZInvoiceListQuery } from "@/contracts/invoice-list-query";
import { pageRequest } from "@/contracts/list-cursor";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireCustomer } from "@/server/auth/guards";
import { countInvoices, listInvoices } from "@/server/billing/invoice-list";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { listPayableInvoices } from "@/server/payments/list-payable-invoices";

const PAGE_SIZE = 20;

export default async function PortalInvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireCustomer();
  const query = ZInvoiceListQuery.parse(searchParamsToObject(await searchParams));
  const db = getDb();
  // Overdue is judged against the customer's today, in their time zone.
  const today = await customerToday(db, user.customerId, new Date());
  const filters = { status: query.status, today, search: query.q, issuedFrom: query.from ? calendarDate(query.from) : undefined, issuedTo: query.to ? calendarDate(query.to) : undefined };
  const scope = { customerId: user.customerId };
  const [page, total, payable] = await Promise.all([listInvoices(db, scope, filters, pageRequest(query, PAGE_SIZE)), countInvoices(db, scope, filters), listPayableInvoices(db, user.customerId)]);
  const items = page.items;
  const t = await getTranslations("billing");
  const pay = await getTranslations("payments");
  const exportParams = new URLSearchParams(Object.entries({ q: query.q, status: query.status, from: query.from, to: query.to }).filter((e): e is [string, string] => !!e[1]));
  return (
    <Card level={1} title={t("invoices")} actions={<a href={`/portal/invoices/export.csv?${exportParams}`} data-testid="invoices-csv">{t("exportCsv")}</a>}>
      <div className="mb-3">
        <PayAllDue groups={payable} />
      </div>
      <InvoiceFilters query={query} statuses={["OPEN", "OVERDUE", "PAID", "VOID"]} />
      {items.length === 0 && hasInvoiceFilters(query) ? <FilteredEmpty clearHref="/portal/invoices" /> : <InvoiceTable rows={items} hrefBase="/portal/invoices" today={today} rowAction={{ label: pay("payColumn"), render: (r) => (r.status === "OPEN" && r.balanceMinor > 0 ? <PayButton invoiceIds={[r.id]} label={pay("pay")} tone="secondary" testId="pay-row" /> : null) }} />}
      <CursorNav links={pageLinks(page, (i) => i.id)} total={total} params={{ q: query.q, status: query.status, from: query.from, to: query.to }} />
    </Card>
  );
}
