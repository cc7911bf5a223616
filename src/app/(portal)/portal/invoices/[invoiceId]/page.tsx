import { notFound } from "next/navigation";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { InvoiceDocument } from "@/components/billing/InvoiceDocument";
import { Timeline } from "@/components/billing/Timeline";
import { BankTransferDetails } from "@/components/portal/BankTransferDetails";
import { PayButton } from "@/components/portal/PayButton";
import { Card } from "@/components/ui";
import { fmtMoney } from "@/domain/billing/display-format";
import { requireCustomer } from "@/server/auth/guards";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { getTransferDetails } from "@/server/payments/get-transfer-details";
import { getPortalInvoiceTimeline } from "@/server/timelines/get-portal-invoice-timeline";

export default async function PortalInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const db = getDb();
  // Both reads are scoped to the user's company: another company's invoice is not found by either.
  const [invoice, today, timeline, transfer] = await Promise.all([
    findInvoiceDetail(db, { customerId: user.customerId }, id.data),
    customerToday(db, user.customerId, new Date()),
    getPortalInvoiceTimeline(db, user.customerId, id.data),
    getTransferDetails(db),
  ]);
  if (!invoice || !timeline) notFound();
  const t = await getTranslations("timeline");
  const pay = await getTranslations("payments");
  const locale = await getLocale();
  const owed = invoice.status === "OPEN" && invoice.balanceMinor > 0;
  const amount = fmtMoney(invoice.balanceMinor, invoice.currency, locale);
  return (
    <>
      {owed ? (
        <div className="mb-4 flex flex-col gap-4 md:flex-row">
          <section aria-labelledby="pay-online" className="rounded-lg border border-indigo-200 bg-indigo-50/50 p-4 md:w-1/2" data-testid="pay-online">
            <h2 id="pay-online" className="mb-2">{pay("payOnlineTitle")}</h2>
            <p className="mb-3 text-sm text-slate-700">{pay("payOnlineIntro", { amount })}</p>
            <PayButton invoiceIds={[invoice.id]} label={pay("payAmount", { amount })} testId="pay-invoice" />
          </section>
          {transfer ? (
            <section aria-labelledby="pay-transfer" className="rounded-lg border border-slate-200 bg-white p-4 md:w-1/2">
              <h2 id="pay-transfer" className="mb-2">{pay("transfer.title")}</h2>
              <BankTransferDetails details={transfer} reference={invoice.number ?? undefined} amountText={amount} />
            </section>
          ) : null}
        </div>
      ) : null}
      <InvoiceDocument invoice={invoice} today={today} pdfHref={`/portal/invoices/${invoice.id}/pdf`} creditNoteHref={(c) => `/portal/credit-notes/${c}`} />
      <div className="mt-6">
        <Card title={t("title")}>
          <Timeline items={timeline} />
        </Card>
      </div>
    </>
  );
}
