import { getTranslations } from "next-intl/server";
import { StaffOrderTable } from "@/components/billing/StaffListTables";
import { CursorNav, CustomerChip, FilteredEmpty, FilterForm, listHref } from "@/components/lists/ListControls";
import { Card } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { pageRequest } from "@/contracts/list-cursor";
import { PURCHASE_ORDER_STATUSES, ZOrderListQuery } from "@/contracts/staff-lists";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { findCustomerName } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { listPurchaseOrdersForStaff } from "@/server/orders/order-list-queries";

const PAGE_SIZE = 25;

export default async function StaffOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("BILLING", "SUPPORT");
  const query = ZOrderListQuery.parse(searchParamsToObject(await searchParams));
  const db = getDb();
  const [page, customerName] = await Promise.all([
    listPurchaseOrdersForStaff(db, query, pageRequest(query, PAGE_SIZE)),
    query.customerId ? findCustomerName(db, query.customerId) : null,
  ]);
  const t = await getTranslations();
  const filters = { q: query.q, status: query.status, customerId: query.customerId, from: query.from, to: query.to };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Card level={1} title={t("orders.title")} actions={query.customerId && customerName ? <a href={`/staff/orders/new?customerId=${query.customerId}`}>{t("orders.new")}</a> : undefined}>
      <FilterForm
        testId="order-filters"
        keep={{ customerId: query.customerId }}
        fields={[
          { kind: "text", name: "q", label: t("lists.searchNumberOrCustomer"), value: query.q },
          { kind: "select", name: "status", label: t("orders.status"), value: query.status, allLabel: t("lists.allStatuses"), options: PURCHASE_ORDER_STATUSES.map((s) => ({ value: s, label: s === "SENT" ? t("orders.sentAwaitingCustomer") : t(`orders.statuses.${s}`) })) },
          { kind: "date", name: "from", label: t("lists.createdFrom"), value: query.from },
          { kind: "date", name: "to", label: t("lists.to"), value: query.to },
        ]}
      />
      {query.customerId && customerName ? <CustomerChip name={customerName} clearHref={listHref("/staff/orders", { ...filters, customerId: undefined })} /> : null}
      {page.items.length === 0 && filtered ? <FilteredEmpty clearHref="/staff/orders" /> : <StaffOrderTable rows={page.items} filters={filters} />}
      {page.items.length === 0 && !filtered ? <p className="px-2 py-4 text-sm text-slate-500">{t("common.noResults")}</p> : null}
      <CursorNav links={pageLinks(page, (o) => o.id)} params={filters} />
    </Card>
  );
}
