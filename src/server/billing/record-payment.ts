import { calendarDate } from "@/domain/billing/calendar-date";
import { assertPaymentWithinBalance, statusAfterSettlement } from "@/domain/billing/invoice-state";
import { DomainError } from "@/domain/shared/domain-error";
import type { TRecordPaymentInput } from "@/contracts/billing";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { recordBillingEvent } from "@/server/billing/billing-event-repository";
import { insertPayment, lockInvoice, updateInvoiceSettlement } from "@/server/billing/invoice-repository";
import { dateToDb, minorFromDb, minorToDb } from "@/server/billing/ledger-values";
import type { Db, RootDb } from "@/server/db/types";
import { reinstateOnSettlement } from "@/server/billing-runs/reinstate-on-settlement";

/**
 * Records money received against an open invoice (transfer, cheque... by staff; card and debit by the
 * payments flow). Never more than what is left to pay; an invoice paid in full becomes PAID.
 */
export async function recordPaymentInTransaction(
  tx: Db,
  actor: StaffActor | null,
  invoiceId: string,
  input: TRecordPaymentInput,
  now: Date,
  /** A payment collected online names its checkout (one payment per checkout and invoice, UNIQUE). */
  options: { checkoutId?: string } = {},
): Promise<{ paymentId: string; invoiceStatus: string; reinstatements: number }> {
  const invoice = await lockInvoice(tx, invoiceId);
  if (!invoice) throw new DomainError("NOT_FOUND", { entity: "invoice" });
  if (invoice.status !== "OPEN") throw new DomainError("INVALID_TRANSITION", { entity: "invoice", from: invoice.status, event: "pay" });
  const amounts = { grossMinor: minorFromDb(invoice.gross_minor), paidMinor: minorFromDb(invoice.paid_minor), creditedMinor: minorFromDb(invoice.credited_minor) };
  assertPaymentWithinBalance(input.amountMinor, amounts);
  const { id } = await insertPayment(tx, {
    invoiceId,
    customerId: invoice.customer_id,
    amountMinor: minorToDb(input.amountMinor),
    currency: invoice.currency,
    method: input.method,
    reference: input.reference,
    receivedOn: dateToDb(calendarDate(input.receivedOn)),
    recordedById: actor?.id ?? null,
    checkoutId: options.checkoutId ?? null,
    createdAt: now,
  });
  const paidMinor = amounts.paidMinor + input.amountMinor;
  const status = statusAfterSettlement("OPEN", { ...amounts, paidMinor });
  await updateInvoiceSettlement(tx, invoiceId, { status, paidMinor: minorToDb(paidMinor), paidAt: status === "PAID" ? now : null });
  await recordBillingEvent(tx, { key: `payment:${id}`, kind: "PAYMENT_RECORDED", cause: actor ? "STAFF" : "SYSTEM", customerId: invoice.customer_id, invoiceId, details: { paymentId: id, amountMinor: input.amountMinor, currency: invoice.currency, method: input.method, invoiceStatus: status }, at: now });
  // Settled: the services it suspended come back in this same transaction.
  const { reinstatements } = await reinstateOnSettlement(tx, invoiceId, now);
  await recordAudit(tx, {
    action: "payment.recorded",
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? "system",
    targetType: "invoice",
    targetId: invoiceId,
    customerId: invoice.customer_id,
    details: { paymentId: id, amountMinor: input.amountMinor, method: input.method, ...(options.checkoutId ? { checkoutId: options.checkoutId } : {}) },
    at: now,
  });
  return { paymentId: id, invoiceStatus: status, reinstatements };
}

export async function recordPayment(db: RootDb, actor: StaffActor, invoiceId: string, input: TRecordPaymentInput, now: Date) {
  return db.$transaction((tx) => recordPaymentInTransaction(tx, actor, invoiceId, input, now));
}
