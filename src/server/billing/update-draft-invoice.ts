import { computeDocumentTotals } from "@/domain/billing/tax";
import { DomainError } from "@/domain/shared/domain-error";
import type { TCreateDraftInvoiceInput } from "@/contracts/billing";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { draftLines } from "@/server/billing/create-draft-invoice";
import { existingProductIds, lockInvoice, replaceDraftContent } from "@/server/billing/invoice-repository";
import { minorToDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";

/**
 * Billing staff rewrite a draft: its lines and notes are replaced as a whole, exactly as the form
 * shows them. The customer and currency stay; once issued, nothing can change (INVOICE_NOT_DRAFT).
 */
export async function updateDraftInvoice(db: RootDb, actor: StaffActor, invoiceId: string, input: Pick<TCreateDraftInvoiceInput, "notes" | "lines">, now: Date) {
  await db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (!invoice) throw new DomainError("NOT_FOUND", { entity: "invoice" });
    if (invoice.status !== "DRAFT") throw new DomainError("INVOICE_NOT_DRAFT", { status: invoice.status });
    const known = await existingProductIds(tx, [...new Set(input.lines.flatMap((l) => (l.productId ? [l.productId] : [])))]);
    const unknown = input.lines.findIndex((l) => l.productId && !known.has(l.productId));
    if (unknown >= 0) throw new DomainError("NOT_FOUND", { entity: "product", field: `lines.${unknown}.productId` });
    const lines = draftLines(input.lines);
    const totals = computeDocumentTotals(lines.map((l) => ({ netMinor: Number(l.netMinor), taxRateBp: l.taxRateBp })));
    await replaceDraftContent(tx, invoiceId, { notes: input.notes, netMinor: minorToDb(totals.netMinor), taxMinor: minorToDb(totals.taxMinor), grossMinor: minorToDb(totals.grossMinor), lines });
    await recordAudit(tx, { action: "invoice.draft_updated", actorUserId: actor.id, actorEmail: actor.email, targetType: "invoice", targetId: invoiceId, customerId: invoice.customer_id, details: { lines: lines.length }, at: now });
  });
}
