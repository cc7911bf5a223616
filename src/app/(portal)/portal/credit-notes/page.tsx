import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { CreditNoteTable } from "@/components/billing/CreditNoteViews";
import { Pagination } from "@/components/Pagination";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { listCreditNotes } from "@/server/billing/credit-note-queries";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 20;
const ZQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });

export default async function PortalCreditNotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireCustomer();
  const { page } = ZQuery.parse(await searchParams);
  const { items, total } = await listCreditNotes(getDb(), { customerId: user.customerId }, { take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
  const t = await getTranslations("billing");
  return (
    <Card level={1} title={t("creditNotes")}>
      <CreditNoteTable rows={items} hrefBase="/portal/credit-notes" invoiceHrefBase="/portal/invoices" />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} params={{}} />
    </Card>
  );
}
