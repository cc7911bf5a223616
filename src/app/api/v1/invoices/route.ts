import { listBody, pageOf, ZInvoiceApiListQuery } from "@/contracts/api";
import { ZCreateDraftInvoiceInput } from "@/contracts/billing";
import { createDraftInvoice } from "@/server/billing/create-draft-invoice";
import { findInvoiceDetail, listInvoices } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, json } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZInvoiceApiListQuery }, async ({ query }) => {
  const { items, total } = await listInvoices(getDb(), { staff: true }, { customerId: query.customerId, status: query.status }, pageOf(query));
  return json(200, listBody(items, total, query));
});

export const POST = apiHandler({ body: ZCreateDraftInvoiceInput }, async ({ actor, body }) => {
  const { invoiceId } = await createDraftInvoice(getDb(), actor, body, new Date());
  return json(201, await findInvoiceDetail(getDb(), { staff: true }, invoiceId));
});
