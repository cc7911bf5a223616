import { DomainError } from "@/domain/shared/domain-error";

/** An open invoice a payment may settle: what is left on it and when it fell due. */
export interface PayableInvoice {
  readonly invoiceId: string;
  readonly currency: string;
  readonly balanceMinor: number;
  readonly dueDate: string | null;
  readonly number: string;
}

export interface Allocation {
  readonly invoiceId: string;
  readonly amountMinor: number;
}

/**
 * The invoices a customer pays at once ("Pay all due", a selection): one currency, each with
 * something left to pay, oldest due first (then by number), so a partial amount always settles the
 * most overdue ones. Refuses a mixed-currency selection: one charge has one currency.
 */
export function payableInOrder(invoices: readonly PayableInvoice[]): PayableInvoice[] {
  const owed = invoices.filter((i) => i.balanceMinor > 0);
  const currencies = new Set(owed.map((i) => i.currency));
  if (currencies.size > 1) throw new DomainError("CURRENCY_MISMATCH", { currencies: [...currencies] });
  return [...owed].sort((a, b) => (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31") || a.number.localeCompare(b.number));
}

/**
 * How one received amount settles the invoices it was for: in order, each up to what is left on it
 * at the time it is applied (an invoice paid meanwhile by transfer takes nothing). What cannot be
 * placed is returned as `unallocatedMinor`, for staff to refund: a payment never over-settles.
 */
export function allocatePayment(amountMinor: number, invoices: readonly PayableInvoice[]): { allocations: Allocation[]; unallocatedMinor: number } {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) throw new DomainError("VALIDATION_FAILED", { field: "amountMinor", reason: "NOT_POSITIVE" });
  let left = amountMinor;
  const allocations: Allocation[] = [];
  for (const invoice of payableInOrder(invoices)) {
    if (left === 0) break;
    const take = Math.min(left, invoice.balanceMinor);
    allocations.push({ invoiceId: invoice.invoiceId, amountMinor: take });
    left -= take;
  }
  return { allocations, unallocatedMinor: left };
}

/** The amount a checkout of these invoices charges: everything left on them. */
export const amountToPay = (invoices: readonly PayableInvoice[]): number => payableInOrder(invoices).reduce((n, i) => n + i.balanceMinor, 0);
