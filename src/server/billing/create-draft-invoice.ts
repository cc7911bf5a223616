import { lineNetMinor, parseQuantity, quantityToDecimalString } from "@/domain/billing/quantity";
import { calendarDate } from "@/domain/billing/calendar-date";
import { computeDocumentTotals } from "@/domain/billing/tax";
import { DomainError } from "@/domain/shared/domain-error";
import type { TCreateDraftInvoiceInput } from "@/contracts/billing";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { customerForInvoicing, existingProductIds, insertDraftInvoice, type NewInvoiceLine } from "@/server/billing/invoice-repository";
import { dateToDb, minorToDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";

/** Builds the stored lines of a draft: each line's net is rounded once, here (ADR 0005). */
export function draftLines(lines: TCreateDraftInvoiceInput["lines"]): NewInvoiceLine[] {
  return lines.map((l, i) => {
    const quantity = parseQuantity(l.quantity);
    return {
      position: i + 1,
      description: l.description,
      productId: l.productId ?? null,
      subscriptionId: null,
      quantity: quantityToDecimalString(quantity),
      unitAmountMinor: minorToDb(l.unitAmountMinor),
      netMinor: minorToDb(lineNetMinor(l.unitAmountMinor, quantity)),
      taxRateBp: l.taxRateBp,
      periodStart: l.periodStart ? dateToDb(calendarDate(l.periodStart)) : null,
      periodEnd: l.periodEnd ? dateToDb(calendarDate(l.periodEnd)) : null,
    };
  });
}

/** Billing staff prepare an invoice by hand. A draft has no number and can still be changed or deleted. */
export async function createDraftInvoice(db: RootDb, actor: StaffActor, input: TCreateDraftInvoiceInput, now: Date): Promise<{ invoiceId: string }> {
  return db.$transaction(async (tx) => {
    const customer = await customerForInvoicing(tx, input.customerId);
    if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer", field: "customerId" });
    const known = await existingProductIds(tx, [...new Set(input.lines.flatMap((l) => (l.productId ? [l.productId] : [])))]);
    const unknown = input.lines.findIndex((l) => l.productId && !known.has(l.productId));
    if (unknown >= 0) throw new DomainError("NOT_FOUND", { entity: "product", field: `lines.${unknown}.productId` });
    const lines = draftLines(input.lines);
    // Provisional totals so lists show what a draft amounts to; issuing recomputes them.
    const totals = computeDocumentTotals(lines.map((l) => ({ netMinor: Number(l.netMinor), taxRateBp: l.taxRateBp })));
    const { id } = await insertDraftInvoice(tx, {
      customerId: customer.id,
      currency: input.currency ?? customer.currency,
      notes: input.notes,
      createdById: actor.id,
      createdAt: now,
      netMinor: minorToDb(totals.netMinor),
      taxMinor: minorToDb(totals.taxMinor),
      grossMinor: minorToDb(totals.grossMinor),
      lines,
    });
    await recordAudit(tx, { action: "invoice.created", actorUserId: actor.id, actorEmail: actor.email, targetType: "invoice", targetId: id, customerId: customer.id, at: now });
    return { invoiceId: id };
  });
}
