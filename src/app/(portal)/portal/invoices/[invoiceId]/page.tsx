import { notFound } from "next/navigation";
import { z } from "zod";
import { InvoiceDocument } from "@/components/billing/InvoiceDocument";
import { requireCustomer } from "@/server/auth/guards";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { customerToday } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

export default async function PortalInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const db = getDb();
  const [invoice, today] = await Promise.all([findInvoiceDetail(db, { customerId: user.customerId }, id.data), customerToday(db, user.customerId, new Date())]);
  if (!invoice) notFound();
  return <InvoiceDocument invoice={invoice} today={today} pdfHref={`/portal/invoices/${invoice.id}/pdf`} creditNoteHref={(c) => `/portal/credit-notes/${c}`} />;
}
