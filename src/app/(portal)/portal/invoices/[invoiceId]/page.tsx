import { notFound } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { InvoiceDocument } from "@/components/billing/InvoiceDocument";
import { Timeline } from "@/components/billing/Timeline";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { getPortalInvoiceTimeline } from "@/server/timelines/get-portal-invoice-timeline";

export default async function PortalInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const db = getDb();
  // Both reads are scoped to the user's company: another company's invoice is not found by either.
  const [invoice, today, timeline] = await Promise.all([
    findInvoiceDetail(db, { customerId: user.customerId }, id.data),
    customerToday(db, user.customerId, new Date()),
    getPortalInvoiceTimeline(db, user.customerId, id.data),
  ]);
  if (!invoice || !timeline) notFound();
  const t = await getTranslations("timeline");
  return (
    <>
      <InvoiceDocument invoice={invoice} today={today} pdfHref={`/portal/invoices/${invoice.id}/pdf`} creditNoteHref={(c) => `/portal/credit-notes/${c}`} />
      <div className="mt-6">
        <Card title={t("title")}>
          <Timeline items={timeline} />
        </Card>
      </div>
    </>
  );
}
