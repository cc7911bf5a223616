import { ZCreditNoteInput } from "@/contracts/billing";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { findCreditNoteDetail } from "@/server/billing/credit-note-queries";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, json, ZUuidParams } from "../../../_lib/api-handler";

const params = ZUuidParams("invoiceId");

export const GET = apiHandler({ params }, async ({ params: p }) => {
  const invoice = await findInvoiceDetail(getDb(), { staff: true }, p.invoiceId ?? "");
  return invoice ? json(200, { data: invoice.creditNotes }) : json(404, { error: { code: "NOT_FOUND", message: "invoice not found" } });
});

export const POST = apiHandler({ params, body: ZCreditNoteInput }, async ({ actor, params: p, body }) => {
  const { creditNoteId } = await createCreditNote(getDb(), actor, p.invoiceId ?? "", body, new Date());
  return json(201, await findCreditNoteDetail(getDb(), { staff: true }, creditNoteId));
});
