import { z } from "zod";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { invoicePdf, pdfResponse } from "@/server/pdf/ledger-pdf";
import { authenticate } from "../../../_lib/api-handler";

export async function GET(request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const auth = await authenticate(request);
  if (!("actor" in auth)) return Response.json(auth.body, { status: auth.status });
  const id = z.string().uuid().safeParse((await params).invoiceId);
  const invoice = id.success ? await findInvoiceDetail(getDb(), { staff: true }, id.data) : null;
  if (!invoice?.number) return Response.json({ error: { code: "NOT_FOUND", message: "issued invoice not found" } }, { status: 404 });
  return pdfResponse(await invoicePdf(getDb(), invoice), invoice.number);
}
