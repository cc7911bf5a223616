import { getTranslations } from "next-intl/server";
import { CreditNoteTable } from "@/components/billing/CreditNoteViews";
import { CursorNav } from "@/components/lists/ListControls";
import { Card } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { pageRequest, ZListCursor } from "@/contracts/list-cursor";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireCustomer } from "@/server/auth/guards";
import { countCreditNotes, listCreditNotes } from "@/server/billing/credit-note-list";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 20;
const COUNT_CAP = 10_000;

export default async function PortalCreditNotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireCustomer();
  const query = ZListCursor.parse(searchParamsToObject(await searchParams));
  const db = getDb();
  const scope = { customerId: user.customerId };
  const [page, total] = await Promise.all([listCreditNotes(db, scope, {}, pageRequest(query, PAGE_SIZE)), countCreditNotes(db, scope, {}, COUNT_CAP)]);
  const t = await getTranslations("billing");
  return (
    <Card level={1} title={t("creditNotes")}>
      <CreditNoteTable rows={page.items} hrefBase="/portal/credit-notes" invoiceHrefBase="/portal/invoices" />
      <CursorNav links={pageLinks(page, (n) => n.id)} total={total} params={{}} />
    </Card>
  );
}
