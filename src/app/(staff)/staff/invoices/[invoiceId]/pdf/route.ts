import { notFound } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/server/auth/guards";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { invoicePdf, pdfResponse } from "@/server/pdf/ledger-pdf";

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  await requireStaff("BILLING", "SUPPORT");
  const id = z.string().uuid().safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, id.data);
  if (!invoice) notFound();
  // Staff may print a draft to check it; the PDF says DRAFT on every page and carries no number.
  return pdfResponse(await invoicePdf(getDb(), invoice), invoice.number ?? `draft-${invoice.id}`);
}
