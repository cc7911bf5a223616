import { todayIn } from "@/domain/billing/calendar-date";
import { planRefundCreditNote } from "@/domain/billing/credit-note";
import { recordAudit } from "@/server/audit/audit-repository";
import { recordBillingEvent } from "@/server/billing/billing-event-repository";
import { insertCreditNote, invoiceTaxGroups } from "@/server/billing/credit-note-repository";
import {
  customerForInvoicing,
  lockInvoice,
  updateInvoiceSettlement,
} from "@/server/billing/invoice-repository";
import { dateToDb, minorFromDb, minorToDb } from "@/server/billing/ledger-values";
import { sellerSnapshotOf } from "@/server/billing/seller-snapshot";
import { takeDocumentNumber } from "@/server/billing/take-document-number";
import type { Db } from "@/server/db/types";
import { lockRefund, type RefundRow, updateRefund } from "@/server/payments/refund-repository";
import { getCompanySettings } from "@/server/settings/get-company-settings";

export interface RefundOutcome {
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  providerRefundId: string | null;
}

/**
 * Brings a refund to what the provider says, once, in the caller's transaction: whoever gets here
 * first (the staff request after the provider answered, or the provider's refund event) writes it,
 * the other finds it done. A succeeded refund writes its credit note for exactly its amount: what was
 * paid on the invoice goes down and what was credited goes up by the same amount, so the balance (and
 * the status: a PAID invoice stays PAID) does not move and the CHECK `paid + credited <= gross` holds.
 */
export async function completeRefundInTransaction(
  tx: Db,
  refundId: string,
  outcome: RefundOutcome,
  actor: { id: string; email: string } | null,
  now: Date,
): Promise<RefundRow> {
  // Settings before any row lock, in the order of every issuing transaction (create-credit-note.ts).
  const company = await getCompanySettings(tx);
  const before = await lockRefund(tx, refundId);
  if (!before) throw new Error(`refund ${refundId} vanished`);
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: before.paymentId },
    select: { invoiceId: true },
  });
  const invoice = await lockInvoice(tx, payment.invoiceId);
  const refund = await lockRefund(tx, refundId); // as it is now that the invoice is ours too
  if (!refund || !invoice || refund.status !== "PENDING") return refund ?? before;
  if (outcome.status !== "SUCCEEDED") {
    if (outcome.providerRefundId && !refund.providerRefundId)
      await updateRefund(tx, refund.id, { providerRefundId: outcome.providerRefundId });
    if (outcome.status === "FAILED") await updateRefund(tx, refund.id, { status: "FAILED", settledAt: now });
    return (await lockRefund(tx, refund.id)) ?? refund;
  }

  const amounts = {
    grossMinor: minorFromDb(invoice.gross_minor),
    paidMinor: minorFromDb(invoice.paid_minor),
    creditedMinor: minorFromDb(invoice.credited_minor),
  };
  const amountMinor = minorFromDb(refund.amountMinor);
  const groups = await invoiceTaxGroups(tx, invoice.id);
  const plan = planRefundCreditNote(
    amountMinor,
    {
      taxGroups: groups.map((g) => ({
        taxRateBp: g.taxRateBp,
        netMinor: minorFromDb(g.netMinor),
        taxMinor: minorFromDb(g.taxMinor),
      })),
      amounts,
    },
    amountMinor, // what is left of the payment was checked when the refund was created, under its lock
    refund.reason,
  );
  const customer = await customerForInvoicing(tx, invoice.customer_id);
  const issueDate = todayIn(customer?.timeZone ?? "UTC", now);
  const number = await takeDocumentNumber(tx, "CREDIT_NOTE", issueDate);
  const { id: creditNoteId } = await insertCreditNote(tx, {
    number,
    invoiceId: invoice.id,
    customerId: invoice.customer_id,
    currency: invoice.currency,
    issueDate: dateToDb(issueDate),
    reason: refund.reason,
    netMinor: minorToDb(plan.totals.netMinor),
    taxMinor: minorToDb(plan.totals.taxMinor),
    grossMinor: minorToDb(plan.totals.grossMinor),
    seller: sellerSnapshotOf(company),
    createdById: actor?.id ?? null,
    createdAt: now,
    lines: plan.lines.map((l, i) => ({
      position: i + 1,
      invoiceLineId: null,
      description: l.description,
      netMinor: minorToDb(l.netMinor),
      taxRateBp: l.taxRateBp,
      periodStart: null,
      periodEnd: null,
    })),
    taxLines: plan.totals.groups.map((g) => ({
      taxRateBp: g.taxRateBp,
      netMinor: minorToDb(g.netMinor),
      taxMinor: minorToDb(g.taxMinor),
    })),
  });
  await updateInvoiceSettlement(tx, invoice.id, {
    status: invoice.status,
    paidMinor: minorToDb(amounts.paidMinor - amountMinor),
    creditedMinor: minorToDb(amounts.creditedMinor + amountMinor),
  });
  await updateRefund(tx, refund.id, {
    status: "SUCCEEDED",
    creditNoteId,
    settledAt: now,
    ...(outcome.providerRefundId && !refund.providerRefundId
      ? { providerRefundId: outcome.providerRefundId }
      : {}),
  });
  await recordBillingEvent(tx, {
    key: `refund:${refund.id}`,
    kind: "CREDITED",
    cause: actor ? "STAFF" : "SYSTEM",
    customerId: invoice.customer_id,
    invoiceId: invoice.id,
    details: {
      creditNoteId,
      number,
      grossMinor: amountMinor,
      currency: invoice.currency,
      invoiceStatus: invoice.status,
      refundId: refund.id,
      paymentId: refund.paymentId,
    },
    at: now,
  });
  await recordAudit(tx, {
    action: "payment.refunded",
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? "system",
    targetType: "payment",
    targetId: refund.paymentId,
    customerId: invoice.customer_id,
    details: {
      refundId: refund.id,
      amountMinor,
      creditNoteId,
      creditNoteNumber: number,
      providerRefundId: outcome.providerRefundId,
    },
    at: now,
  });
  return (await lockRefund(tx, refund.id)) ?? refund;
}
