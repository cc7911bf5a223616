import { getTranslations } from "next-intl/server";
import { StaffCreditNoteTable } from "@/components/billing/StaffListTables";
import { CursorNav, CustomerChip, FilteredEmpty, FilterForm, listHref } from "@/components/lists/ListControls";
import { Card } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { pageRequest } from "@/contracts/list-cursor";
import { ZCreditNoteListQuery } from "@/contracts/staff-lists";
import { calendarDate } from "@/domain/billing/calendar-date";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { listCreditNotes } from "@/server/billing/credit-note-list";
import { findCustomerName } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 25;

/** Credit notes have no status: once issued they stand. Filters: search, customer, issue dates. */
export default async function StaffCreditNotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("BILLING", "SUPPORT");
  const query = ZCreditNoteListQuery.parse(searchParamsToObject(await searchParams));
  const db = getDb();
  const [page, customerName] = await Promise.all([
    listCreditNotes(
      db,
      { staff: true },
      { customerId: query.customerId, search: query.q, issuedFrom: query.from ? calendarDate(query.from) : undefined, issuedTo: query.to ? calendarDate(query.to) : undefined },
      pageRequest(query, PAGE_SIZE),
    ),
    query.customerId ? findCustomerName(db, query.customerId) : null,
  ]);
  const t = await getTranslations();
  const filters = { q: query.q, customerId: query.customerId, from: query.from, to: query.to };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Card level={1} title={t("billing.creditNotes")}>
      <FilterForm
        testId="credit-note-filters"
        keep={{ customerId: query.customerId }}
        fields={[
          { kind: "text", name: "q", label: t("lists.searchNumberOrCustomer"), value: query.q },
          { kind: "date", name: "from", label: t("lists.issuedFrom"), value: query.from },
          { kind: "date", name: "to", label: t("lists.to"), value: query.to },
        ]}
      />
      {query.customerId && customerName ? <CustomerChip name={customerName} clearHref={listHref("/staff/credit-notes", { ...filters, customerId: undefined })} /> : null}
      {page.items.length === 0 && filtered ? <FilteredEmpty clearHref="/staff/credit-notes" /> : <StaffCreditNoteTable rows={page.items} filters={filters} />}
      {page.items.length === 0 && !filtered ? <p className="px-2 py-4 text-sm text-slate-500">{t("common.noResults")}</p> : null}
      <CursorNav links={pageLinks(page, (n) => n.id)} params={filters} />
    </Card>
  );
}
