import { notFound } from "next/navigation";
import { z } from "zod";
import { CreditNoteDocument } from "@/components/billing/CreditNoteViews";
import { requireCustomer } from "@/server/auth/guards";
import { findCreditNoteDetail } from "@/server/billing/credit-note-queries";
import { getDb } from "@/server/db/client";

export default async function PortalCreditNotePage({ params }: { params: Promise<{ creditNoteId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).creditNoteId);
  if (!id.success) notFound();
  const note = await findCreditNoteDetail(getDb(), { customerId: user.customerId }, id.data);
  if (!note) notFound();
  return <CreditNoteDocument note={note} invoiceHref={`/portal/invoices/${note.invoice.id}`} pdfHref={`/portal/credit-notes/${note.id}/pdf`} />;
}
