import { apiPageRequest, listBody, ZInvoiceApiListQuery } from "@/contracts/api";
import { ZApiInvoice, ZApiInvoicePage } from "@/contracts/api-responses";
import { ZCreateDraftInvoiceInput } from "@/contracts/billing";
import { createDraftInvoice } from "@/server/billing/create-draft-invoice";
import { listInvoices } from "@/server/billing/invoice-list";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZInvoiceApiListQuery }, async ({ query }) => {
  const page = await listInvoices(getDb(), { staff: true }, { customerId: query.customerId, status: query.status }, apiPageRequest(query));
  return reply(200, ZApiInvoicePage, listBody(page));
});

export const POST = apiHandler({ body: ZCreateDraftInvoiceInput }, async ({ actor, body }) => {
  const { invoiceId } = await createDraftInvoice(getDb(), actor, body, new Date());
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, invoiceId);
  return invoice ? reply(201, ZApiInvoice, invoice) : notFound("invoice");
});
