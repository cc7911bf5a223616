import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DraftInvoiceForm } from "@/components/staff/DraftInvoiceForm";
import { currencyExponent } from "@/domain/billing/money";
import { minorToDecimalString } from "@/domain/shared/csv";
import { requireStaff } from "@/server/auth/guards";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";

/** Edit a draft: the same form as a new invoice, filled with the draft's lines. */
export default async function EditDraftPage({ params }: { params: Promise<{ invoiceId: string }> }) {
  await requireStaff("BILLING");
  const id = z.string().uuid().safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, id.data);
  if (!invoice) notFound();
  if (invoice.status !== "DRAFT") redirect(`/staff/invoices/${invoice.id}`);
  const t = await getTranslations("billing");
  const exponent = currencyExponent(invoice.currency);
  const lines = invoice.lines.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitPrice: minorToDecimalString(l.unitAmountMinor, exponent),
    taxRatePercent: String(l.taxRateBp / 100),
    periodStart: l.period?.start ?? "",
    periodEnd: l.period?.end ?? "",
  }));
  return (
    <>
      <h1>
        {t("editDraft")} — {invoice.customer.legalName}
      </h1>
      <DraftInvoiceForm customerId={invoice.customer.id} currency={invoice.currency} draft={{ invoiceId: invoice.id, notes: invoice.notes, lines }} />
    </>
  );
}
