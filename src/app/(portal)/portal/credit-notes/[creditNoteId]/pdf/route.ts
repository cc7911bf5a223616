import { notFound } from "next/navigation";
import { z } from "zod";
import { requireCustomer } from "@/server/auth/guards";
import { findCreditNoteDetail } from "@/server/billing/credit-note-queries";
import { getDb } from "@/server/db/client";
import { creditNotePdf, pdfResponse } from "@/server/pdf/ledger-pdf";

export async function GET(_request: Request, { params }: { params: Promise<{ creditNoteId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).creditNoteId);
  if (!id.success) notFound();
  const note = await findCreditNoteDetail(getDb(), { customerId: user.customerId }, id.data);
  if (!note) notFound();
  return pdfResponse(await creditNotePdf(getDb(), note), note.number);
}
