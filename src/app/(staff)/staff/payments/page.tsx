import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StaffPaymentTable } from "@/components/billing/StaffListTables";
import { CursorNav, CustomerChip, FilteredEmpty, FilterForm, listHref } from "@/components/lists/ListControls";
import { Card } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { pageRequest } from "@/contracts/list-cursor";
import { PAYMENT_METHODS, ZPaymentListQuery } from "@/contracts/staff-lists";
import { staffMayAct } from "@/domain/auth/roles";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { listPaymentsForStaff } from "@/server/billing/payment-list";
import { findCustomerName } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 25;

/** Payments are recorded, never changed: no status; they filter by method instead. */
export default async function StaffPaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const staff = await requireStaff("BILLING", "SUPPORT");
  const query = ZPaymentListQuery.parse(searchParamsToObject(await searchParams));
  const db = getDb();
  const [page, customerName] = await Promise.all([
    listPaymentsForStaff(db, query, pageRequest(query, PAGE_SIZE)),
    query.customerId ? findCustomerName(db, query.customerId) : null,
  ]);
  const t = await getTranslations();
  const filters = { q: query.q, method: query.method, customerId: query.customerId, from: query.from, to: query.to };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Card level={1} title={t("billing.payments")}>
      {staffMayAct(staff.staffRoles, ["BILLING"]) ? (
        <p className="mb-3 text-sm">
          <Link href="/staff/payments/reconciliation">{t("reconciliation.title")}</Link> · <Link href="/staff/payments/autopay">{t("autopay.title")}</Link>
        </p>
      ) : null}
      <FilterForm
        testId="payment-filters"
        keep={{ customerId: query.customerId }}
        fields={[
          { kind: "text", name: "q", label: t("lists.searchPayment"), value: query.q },
          { kind: "select", name: "method", label: t("billing.method"), value: query.method, allLabel: t("lists.allMethods"), options: PAYMENT_METHODS.map((m) => ({ value: m, label: t(`billing.methods.${m}`) })) },
          { kind: "date", name: "from", label: t("lists.receivedFrom"), value: query.from },
          { kind: "date", name: "to", label: t("lists.to"), value: query.to },
        ]}
      />
      {query.customerId && customerName ? <CustomerChip name={customerName} clearHref={listHref("/staff/payments", { ...filters, customerId: undefined })} /> : null}
      {page.items.length === 0 && filtered ? <FilteredEmpty clearHref="/staff/payments" /> : <StaffPaymentTable rows={page.items} filters={filters} />}
      {page.items.length === 0 && !filtered ? <p className="px-2 py-4 text-sm text-slate-500">{t("common.noResults")}</p> : null}
      <CursorNav links={pageLinks(page, (p) => p.id)} params={filters} />
    </Card>
  );
}
