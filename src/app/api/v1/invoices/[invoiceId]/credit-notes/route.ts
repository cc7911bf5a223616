import { ZApiCreditNote, ZApiCreditNoteSummaryList } from "@/contracts/api-responses";
import { ZCreditNoteInput } from "@/contracts/billing";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { findCreditNoteDetail } from "@/server/billing/credit-note-queries";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../../_lib/api-handler";

const params = ZUuidParams("invoiceId");

export const GET = apiHandler({ params }, async ({ params: p }) => {
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, p.invoiceId ?? "");
  return invoice ? reply(200, ZApiCreditNoteSummaryList, { data: invoice.creditNotes }) : notFound("invoice");
});

export const POST = apiHandler({ params, body: ZCreditNoteInput }, async ({ actor, params: p, body }) => {
  const { creditNoteId } = await createCreditNote(getDb(), actor, p.invoiceId ?? "", body, new Date());
  const note = await findCreditNoteDetail(getDb(), { staff: true }, creditNoteId);
  return note ? reply(201, ZApiCreditNote, note) : notFound("credit note");
});
