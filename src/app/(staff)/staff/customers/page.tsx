import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { ZSearchText } from "@/contracts/text";
import { CursorNav } from "@/components/lists/ListControls";
import { buttonClass, Card, inputClass, Table, Td } from "@/components/ui";
import { pageRequest, ZListCursor } from "@/contracts/list-cursor";
import { staffMayAct } from "@/domain/auth/roles";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { countCustomerList, listCustomers } from "@/server/customers/customer-list";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 25;
const ZQuery = ZListCursor.extend({ q: ZSearchText(100).optional().catch(undefined) });

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const staff = await requireStaff("BILLING", "SUPPORT");
  const query = ZQuery.parse(searchParamsToObject(await searchParams));
  const t = await getTranslations();
  const filters = { search: query.q || undefined };
  const db = getDb();
  const [page, total] = await Promise.all([listCustomers(db, filters, pageRequest(query, PAGE_SIZE)), countCustomerList(db, filters)]);
  const items = page.items;
  return (
    <Card
      level={1}
      title={t("staff.customers.title")}
      actions={staffMayAct(staff.staffRoles, ["BILLING"]) ? <Link href="/staff/customers/new">{t("customerForm.new")}</Link> : null}
    >
      <form className="mb-4 flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1">
          {t("staff.customers.searchPlaceholder")}
          <input name="q" type="search" defaultValue={query.q} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>
          {t("common.search")}
        </button>
      </form>
      {/* On a phone the billing e-mail goes under the name: a long address must not push the list sideways. */}
      <Table
        headers={[t("staff.customers.legalName"), { label: t("staff.customers.billingEmail"), className: "hidden md:table-cell" }, { label: t("staff.customers.users"), className: "text-right md:text-left" }]}
        empty={items.length === 0 ? t("common.noResults") : undefined}
      >
        {items.map((c) => (
          <tr key={c.id} data-testid="customer-row">
            <Td>
              <Link href={`/staff/customers/${c.id}`}>{c.legalName}</Link>
              <span className="block break-all text-xs text-slate-500 md:hidden">{c.billingEmail}</span>
            </Td>
            <Td className="hidden break-all md:table-cell">{c.billingEmail}</Td>
            <Td className="text-right tabular-nums md:text-left">{c.userCount}</Td>
          </tr>
        ))}
      </Table>
      <CursorNav links={pageLinks(page, (c) => c.id)} total={total} params={{ q: query.q }} />
    </Card>
  );
}
