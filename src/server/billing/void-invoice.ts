import { transitionInvoice } from "@/domain/billing/invoice-state";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { recordBillingEvent } from "@/server/billing/billing-event-repository";
import { lockInvoice, updateInvoiceSettlement } from "@/server/billing/invoice-repository";
import type { RootDb } from "@/server/db/types";
import { reinstateOnSettlement } from "@/server/billing-runs/reinstate-on-settlement";

/**
 * Voids an issued invoice nobody has paid or credited (issued by mistake). Its number stays used:
 * a void invoice is kept, so the sequence has no gap.
 */
export async function voidInvoice(db: RootDb, actor: StaffActor, invoiceId: string, reason: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (!invoice) throw new DomainError("NOT_FOUND", { entity: "invoice" });
    if (invoice.status === "DRAFT") throw new DomainError("INVALID_TRANSITION", { entity: "invoice", from: "DRAFT", event: "void" });
    if (invoice.paid_minor > 0n || invoice.credited_minor > 0n) throw new DomainError("INVOICE_HAS_PAYMENTS");
    const status = transitionInvoice(invoice.status, "void");
    await updateInvoiceSettlement(tx, invoiceId, { status, voidedAt: now });
    await recordBillingEvent(tx, { key: `invoice:${invoiceId}:voided`, kind: "VOIDED", cause: "STAFF", customerId: invoice.customer_id, invoiceId, details: { number: invoice.number, reason }, at: now });
    // Settled: the services it suspended come back in this same transaction.
    await reinstateOnSettlement(tx, invoiceId, now);
    await recordAudit(tx, {
      action: "invoice.voided",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "invoice",
      targetId: invoiceId,
      customerId: invoice.customer_id,
      details: { number: invoice.number, reason },
      at: now,
    });
  });
}
