import { calendarDate, todayIn } from "@/domain/billing/calendar-date";
import { planCreditNote } from "@/domain/billing/credit-note";
import { statusAfterSettlement } from "@/domain/billing/invoice-state";
import { DomainError } from "@/domain/shared/domain-error";
import type { TCreditNoteInput } from "@/contracts/billing";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { recordBillingEvent } from "@/server/billing/billing-event-repository";
import { creditableLines, insertCreditNote, invoiceTaxGroups } from "@/server/billing/credit-note-repository";
import { customerForInvoicing, lockInvoice, updateInvoiceSettlement } from "@/server/billing/invoice-repository";
import { dateToDb, minorFromDb, minorToDb, optionalDateFromDb } from "@/server/billing/ledger-values";
import { sellerSnapshotOf } from "@/server/billing/seller-snapshot";
import { takeDocumentNumber } from "@/server/billing/take-document-number";
import type { RootDb } from "@/server/db/types";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { reinstateOnSettlement } from "@/server/billing-runs/reinstate-on-settlement";

/**
 * Corrects an issued invoice with a credit note (full, by line, or by amount), numbered from its own
 * gapless sequence. The invoice itself never changes, except that what is left to pay goes down.
 * The credit note keeps the seller as Settings → Company says it today (a new document states who
 * issues it now; the invoice keeps its own), written in the same INSERT (ADR 0011).
 */
export async function createCreditNote(
  db: RootDb,
  actor: StaffActor,
  invoiceId: string,
  input: TCreditNoteInput,
  now: Date,
): Promise<{ creditNoteId: string; number: string }> {
  return db.$transaction(async (tx) => {
    // Before any row lock, as when issuing an invoice: the same lock order in every issuing transaction.
    const company = await getCompanySettings(tx);
    const invoice = await lockInvoice(tx, invoiceId);
    if (!invoice) throw new DomainError("NOT_FOUND", { entity: "invoice" });
    if (invoice.status !== "OPEN" && invoice.status !== "PAID") throw new DomainError("INVALID_TRANSITION", { entity: "invoice", from: invoice.status, event: "credit" });
    const amounts = { grossMinor: minorFromDb(invoice.gross_minor), paidMinor: minorFromDb(invoice.paid_minor), creditedMinor: minorFromDb(invoice.credited_minor) };
    const [lines, groups, customer] = await Promise.all([creditableLines(tx, invoiceId), invoiceTaxGroups(tx, invoiceId), customerForInvoicing(tx, invoice.customer_id)]);
    if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const plan = planCreditNote(
      input.mode === "amount" ? { mode: "amount", grossMinor: input.grossMinor } : input.mode === "lines" ? { mode: "lines", lines: input.lines } : { mode: "full" },
      {
        lines: lines.map((l) => ({
          id: l.id,
          description: l.description,
          netMinor: minorFromDb(l.netMinor),
          taxRateBp: l.taxRateBp,
          creditedNetMinor: minorFromDb(l.creditedNetMinor),
          periodStart: optionalDateFromDb(l.periodStart),
          periodEnd: optionalDateFromDb(l.periodEnd),
        })),
        taxGroups: groups.map((g) => ({ taxRateBp: g.taxRateBp, netMinor: minorFromDb(g.netMinor), taxMinor: minorFromDb(g.taxMinor) })),
        amounts,
      },
      input.reason,
    );

    const issueDate = todayIn(customer.timeZone, now);
    const number = await takeDocumentNumber(tx, "CREDIT_NOTE", issueDate);
    const { id } = await insertCreditNote(tx, {
      number,
      invoiceId,
      customerId: invoice.customer_id,
      currency: invoice.currency,
      issueDate: dateToDb(issueDate),
      reason: input.reason,
      netMinor: minorToDb(plan.totals.netMinor),
      taxMinor: minorToDb(plan.totals.taxMinor),
      grossMinor: minorToDb(plan.totals.grossMinor),
      seller: sellerSnapshotOf(company),
      createdById: actor.id,
      createdAt: now,
      lines: plan.lines.map((l, i) => ({
        position: i + 1,
        invoiceLineId: l.invoiceLineId,
        description: l.description,
        netMinor: minorToDb(l.netMinor),
        taxRateBp: l.taxRateBp,
        periodStart: l.periodStart ? dateToDb(calendarDate(l.periodStart)) : null,
        periodEnd: l.periodEnd ? dateToDb(calendarDate(l.periodEnd)) : null,
      })),
      taxLines: plan.totals.groups.map((g) => ({ taxRateBp: g.taxRateBp, netMinor: minorToDb(g.netMinor), taxMinor: minorToDb(g.taxMinor) })),
    });
    const creditedMinor = amounts.creditedMinor + plan.totals.grossMinor;
    const status = statusAfterSettlement(invoice.status, { ...amounts, creditedMinor });
    await updateInvoiceSettlement(tx, invoiceId, { status, creditedMinor: minorToDb(creditedMinor), ...(status === "PAID" && invoice.status === "OPEN" ? { paidAt: now } : {}) });
    await recordBillingEvent(tx, { key: `credit-note:${id}`, kind: "CREDITED", cause: "STAFF", customerId: invoice.customer_id, invoiceId, details: { creditNoteId: id, number, grossMinor: plan.totals.grossMinor, currency: invoice.currency, invoiceStatus: status }, at: now });
    // Settled by the credit: the services it suspended come back in this same transaction.
    await reinstateOnSettlement(tx, invoiceId, now);
    await recordAudit(tx, {
      action: "credit_note.created",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "credit_note",
      targetId: id,
      customerId: invoice.customer_id,
      details: { number, invoiceNumber: invoice.number, grossMinor: plan.totals.grossMinor },
      at: now,
    });
    return { creditNoteId: id, number };
  });
}
