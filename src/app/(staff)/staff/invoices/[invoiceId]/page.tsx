import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { InvoiceDocument } from "@/components/billing/InvoiceDocument";
import { EmailEvidenceTable } from "@/components/billing/EmailEvidence";
import { Timeline } from "@/components/billing/Timeline";
import { Alert, Card } from "@/components/ui";
import { fmtMoney } from "@/domain/billing/display-format";
import { InvoiceActions } from "@/components/staff/InvoiceActions";
import { RefundForm } from "@/components/staff/RefundForm";
import { staffMayAct } from "@/domain/auth/roles";
import { requireStaff } from "@/server/auth/guards";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { invoiceEmailEvidence } from "@/server/mail/email-evidence-repository";
import { refundablePaymentsOfInvoice } from "@/server/payments/refund-list";
import { getInvoiceTimeline } from "@/server/timelines/get-invoice-timeline";
import { randomUUID } from "node:crypto";

export default async function StaffInvoicePage({ params, searchParams }: { params: Promise<{ invoiceId: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const saved = (await searchParams).saved === "1";
  const staff = await requireStaff("BILLING", "SUPPORT");
  const id = z.string().uuid().safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const db = getDb();
  const invoice = await findInvoiceDetail(db, { staff: true }, id.data);
  if (!invoice) notFound();
  const [today, timeline, emails] = await Promise.all([customerToday(db, invoice.customer.id, new Date()), getInvoiceTimeline(db, invoice.id), invoiceEmailEvidence(db, invoice.id)]);
  // The outbox is for admins only: others see the evidence without a link to the message itself.
  const emailHref = staffMayAct(staff.staffRoles, ["ADMIN"]) ? (emailId: string) => `/staff/outbox/${emailId}` : undefined;
  const tt = await getTranslations();
  const actions = staffMayAct(staff.staffRoles, ["BILLING"]) ? (
    <InvoiceActions
      invoiceId={invoice.id}
      invoiceNumber={invoice.number}
      status={invoice.status}
      currency={invoice.currency}
      grossMinor={invoice.grossMinor}
      balanceMinor={invoice.balanceMinor}
      canVoid={invoice.status === "OPEN" && invoice.paidMinor === 0 && invoice.creditedMinor === 0}
      today={today}
      lines={invoice.lines.map((l) => ({ id: l.id, netMinor: l.netMinor, label: `${l.position}. ${l.description} (${fmtMoney(l.netMinor, invoice.currency, invoice.customer.locale)})` }))}
    />
  ) : null;
  // Refunds (ADR 0019): the invoice's payments with what is left of each; a fresh key per render.
  const payments = actions && invoice.payments.length > 0 ? await refundablePaymentsOfInvoice(db, invoice.id) : [];
  const refunds = payments.length > 0 ? <RefundForm invoiceNumber={invoice.number ?? ""} payments={payments} requestKey={randomUUID()} /> : null;
  // The document is the page; its actions sit beside it (below it on a phone), as in Stripe's dashboard.
  return (
    <>
      <p className="text-sm">
        <Link href={`/staff/customers/${invoice.customer.id}`}>{invoice.customer.legalName}</Link>
      </p>
      {saved ? <Alert tone="success" testId="draft-saved">{(await getTranslations("billing"))("draftSaved")}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
        <div className="min-w-0">
          <InvoiceDocument
            invoice={invoice}
            today={today}
            pdfHref={`/staff/invoices/${invoice.id}/pdf`} // drafts too: their PDF is watermarked DRAFT
            creditNoteHref={(c) => `/staff/credit-notes/${c}`}
          />
          {invoice.status === "DRAFT" ? null : (
            <div className="mt-6 flex flex-col gap-6">
              <Card title={tt("emailEvidence.title")}>
                <p className="mb-3 text-sm text-slate-600">{tt("emailEvidence.intro")}</p>
                <EmailEvidenceTable emails={emails} href={emailHref} />
              </Card>
              <Card title={tt("timeline.title")}>
                <Timeline items={(timeline ?? []).map((e) => ({ at: e.at, kind: e.kind, cause: e.cause, emailId: e.emailId }))} emailHref={emailHref} />
              </Card>
            </div>
          )}
        </div>
        {actions ? (
          <aside className="flex flex-col gap-4">
            {actions}
            {refunds}
          </aside>
        ) : null}
      </div>
    </>
  );
}
