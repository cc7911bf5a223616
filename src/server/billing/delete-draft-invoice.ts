import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { deleteDraftRow, lockInvoice } from "@/server/billing/invoice-repository";
import type { RootDb } from "@/server/db/types";

/** A draft has no number yet, so deleting it leaves no gap in the ledger; an issued invoice is voided or credited instead. */
export async function deleteDraftInvoice(db: RootDb, actor: StaffActor, invoiceId: string, now: Date): Promise<{ customerId: string }> {
  return db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (!invoice) throw new DomainError("NOT_FOUND", { entity: "invoice" });
    if (invoice.status !== "DRAFT" || !(await deleteDraftRow(tx, invoiceId))) throw new DomainError("INVOICE_NOT_DRAFT", { status: invoice.status });
    await recordAudit(tx, { action: "invoice.draft_deleted", actorUserId: actor.id, actorEmail: actor.email, targetType: "invoice", targetId: invoiceId, customerId: invoice.customer_id, at: now });
    return { customerId: invoice.customer_id };
  });
}
