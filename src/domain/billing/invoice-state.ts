import { DomainError } from "@/domain/shared/domain-error";

export type InvoiceStatusName = "DRAFT" | "OPEN" | "PAID" | "VOID";
export type InvoiceEvent = "issue" | "settle" | "reopen" | "void";

/** Every allowed invoice transition; anything else is refused. */
const TRANSITIONS: Record<InvoiceStatusName, Partial<Record<InvoiceEvent, InvoiceStatusName>>> = {
  DRAFT: { issue: "OPEN" },
  OPEN: { settle: "PAID", void: "VOID" },
  PAID: { reopen: "OPEN" },
  VOID: {},
};

export function transitionInvoice(from: InvoiceStatusName, event: InvoiceEvent): InvoiceStatusName {
  const to = TRANSITIONS[from][event];
  if (!to) throw new DomainError("INVALID_TRANSITION", { entity: "invoice", from, event });
  return to;
}

export interface InvoiceAmounts {
  grossMinor: number;
  paidMinor: number;
  creditedMinor: number;
}

/** What the customer still owes: total - payments - credit notes. */
export const invoiceBalance = (a: InvoiceAmounts): number => a.grossMinor - a.paidMinor - a.creditedMinor;

/**
 * What a credit note may still correct: what is left to pay, never negative (ADR 0005: corrections
 * never exceed gross - payments - credit notes, which a CHECK constraint also enforces).
 */
export const creditableAmount = (a: InvoiceAmounts): number => Math.max(0, invoiceBalance(a));

/** A credit note may correct at most what is still unpaid and uncredited. */
export function assertCreditWithinBalance(requestedMinor: number, a: InvoiceAmounts): void {
  if (requestedMinor <= 0 || requestedMinor > creditableAmount(a)) {
    throw new DomainError("CREDIT_EXCEEDS_BALANCE", { requestedMinor, balanceMinor: invoiceBalance(a) });
  }
}

export function assertPaymentWithinBalance(amountMinor: number, a: InvoiceAmounts): void {
  if (amountMinor <= 0 || amountMinor > invoiceBalance(a)) {
    throw new DomainError("PAYMENT_EXCEEDS_BALANCE", { amountMinor, balanceMinor: invoiceBalance(a) });
  }
}

/** After a payment or a credit note, an open invoice with nothing left to pay is settled. */
export function statusAfterSettlement(status: InvoiceStatusName, a: InvoiceAmounts): InvoiceStatusName {
  return status === "OPEN" && invoiceBalance(a) === 0 ? transitionInvoice("OPEN", "settle") : status;
}

/** What is still to pay: the balance of an open invoice; nothing for drafts, paid or void ones. */
export const amountDue = (status: InvoiceStatusName, a: InvoiceAmounts): number => (status === "OPEN" ? invoiceBalance(a) : 0);

/** Overdue: open, with something left to pay, and past its due date (dates as YYYY-MM-DD strings). */
export const isOverdue = (status: InvoiceStatusName, dueDate: string | null, today: string, a: InvoiceAmounts): boolean =>
  isPastDue(status, dueDate, today, amountDue(status, a));

/** The same test when only the amount due is at hand (list rows). */
export const isPastDue = (status: string, dueDate: string | null, today: string, amountDueMinor: number): boolean =>
  status === "OPEN" && dueDate !== null && dueDate < today && amountDueMinor > 0;
