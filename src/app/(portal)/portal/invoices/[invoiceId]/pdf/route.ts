import { notFound } from "next/navigation";
import { z } from "zod";
import { requireCustomer } from "@/server/auth/guards";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { invoicePdf, pdfResponse } from "@/server/pdf/ledger-pdf";

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const invoice = await findInvoiceDetail(getDb(), { customerId: user.customerId }, id.data);
  if (!invoice?.number) notFound();
  return pdfResponse(await invoicePdf(getDb(), invoice), invoice.number);
}
