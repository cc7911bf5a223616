import { notFound } from "next/navigation";
import { z } from "zod";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { renderPurchaseOrderPdf } from "@/server/orders/render-purchase-order-pdf";
import { pdfResponse } from "@/server/pdf/ledger-pdf";

export async function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const user = await requireCustomer();
  const id = z.string().uuid().safeParse((await params).orderId);
  if (!id.success) notFound();
  const doc = await renderPurchaseOrderPdf(getDb(), id.data, { customerId: user.customerId }, new Date());
  if (!doc) notFound();
  return pdfResponse(doc.pdf, doc.number);
}
