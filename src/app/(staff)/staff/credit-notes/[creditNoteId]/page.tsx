import { notFound } from "next/navigation";
import { z } from "zod";
import { CreditNoteDocument } from "@/components/billing/CreditNoteViews";
import { requireStaff } from "@/server/auth/guards";
import { findCreditNoteDetail } from "@/server/billing/credit-note-queries";
import { getDb } from "@/server/db/client";

export default async function StaffCreditNotePage({ params }: { params: Promise<{ creditNoteId: string }> }) {
  await requireStaff("BILLING", "SUPPORT");
  const id = z.string().uuid().safeParse((await params).creditNoteId);
  if (!id.success) notFound();
  const note = await findCreditNoteDetail(getDb(), { staff: true }, id.data);
  if (!note) notFound();
  return <CreditNoteDocument note={note} invoiceHref={`/staff/invoices/${note.invoice.id}`} pdfHref={`/staff/credit-notes/${note.id}/pdf`} />;
}
