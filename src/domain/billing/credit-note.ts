import { DomainError } from "@/domain/shared/domain-error";
import { assertCreditWithinBalance, type InvoiceAmounts, invoiceBalance } from "./invoice-state";
import { divideRounded, splitByLargestRemainder } from "./money";
import { computeDocumentTotals, type DocumentTotals, type TaxGroup } from "./tax";

/**
 * Planning a credit note against an issued invoice. A credit note never exceeds what is left to pay
 * on the invoice, and a line is never credited beyond its own net amount.
 */
export interface CreditableLine {
  id: string;
  description: string;
  netMinor: number;
  taxRateBp: number;
  /** Net already credited on this line by earlier credit notes. */
  creditedNetMinor: number;
  periodStart: string | null;
  periodEnd: string | null;
}

export type CreditRequest =
  | { mode: "full" }
  | { mode: "amount"; grossMinor: number }
  | { mode: "lines"; lines: { invoiceLineId: string; netMinor?: number }[] };

export interface CreditNoteLinePlan {
  invoiceLineId: string | null;
  description: string;
  netMinor: number;
  taxRateBp: number;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface CreditNotePlan {
  lines: CreditNoteLinePlan[];
  totals: DocumentTotals;
}

function byLines(requested: { invoiceLineId: string; netMinor?: number }[], lines: readonly CreditableLine[]): CreditNotePlan {
  const seen = new Set<string>();
  const planned = requested.map((r) => {
    const line = lines.find((l) => l.id === r.invoiceLineId);
    if (!line || seen.has(r.invoiceLineId)) throw new DomainError("VALIDATION_FAILED", { field: "lines", reason: "UNKNOWN_OR_REPEATED_LINE", invoiceLineId: r.invoiceLineId });
    seen.add(r.invoiceLineId);
    const available = line.netMinor - line.creditedNetMinor;
    const netMinor = r.netMinor ?? available;
    if (netMinor <= 0 || netMinor > available) throw new DomainError("CREDIT_EXCEEDS_BALANCE", { invoiceLineId: line.id, requestedMinor: netMinor, availableMinor: available });
    return { invoiceLineId: line.id, description: line.description, netMinor, taxRateBp: line.taxRateBp, periodStart: line.periodStart, periodEnd: line.periodEnd };
  });
  return { lines: planned, totals: computeDocumentTotals(planned) };
}

/**
 * A gross amount spread over the invoice's tax groups in proportion to their gross (largest
 * remainder, so the parts add up exactly); within a group, net = gross / (1 + rate) rounded half
 * away from zero and tax = gross - net, so the credit note's gross is exactly the amount asked for.
 */
function byAmount(grossMinor: number, groups: readonly TaxGroup[], reason: string): CreditNotePlan {
  const weights = groups.map((g) => Math.max(0, g.netMinor + g.taxMinor));
  if (weights.every((w) => w === 0)) throw new DomainError("CREDIT_EXCEEDS_BALANCE", { requestedMinor: grossMinor });
  const parts = splitByLargestRemainder(grossMinor, weights);
  const credited = groups
    .map((g, i) => {
      const gross = parts[i] ?? 0;
      const netMinor = divideRounded(gross * 10_000, 10_000 + g.taxRateBp);
      return { taxRateBp: g.taxRateBp, netMinor, taxMinor: gross - netMinor };
    })
    .filter((g) => g.netMinor + g.taxMinor > 0);
  const netMinor = credited.reduce((a, g) => a + g.netMinor, 0);
  const taxMinor = credited.reduce((a, g) => a + g.taxMinor, 0);
  return {
    lines: credited.map((g) => ({ invoiceLineId: null, description: reason, netMinor: g.netMinor, taxRateBp: g.taxRateBp, periodStart: null, periodEnd: null })),
    totals: { groups: credited, netMinor, taxMinor, grossMinor: netMinor + taxMinor },
  };
}

export function planCreditNote(
  request: CreditRequest,
  invoice: { lines: readonly CreditableLine[]; taxGroups: readonly TaxGroup[]; amounts: InvoiceAmounts },
  reason: string,
): CreditNotePlan {
  let plan: CreditNotePlan;
  if (request.mode === "lines") plan = byLines(request.lines, invoice.lines);
  else if (request.mode === "amount") plan = byAmount(request.grossMinor, invoice.taxGroups, reason);
  else if (invoice.amounts.paidMinor === 0 && invoice.amounts.creditedMinor === 0) {
    // Nothing settled yet: mirror every line, so the credit note reads like the invoice it cancels.
    plan = byLines(
      invoice.lines.filter((l) => l.netMinor > 0).map((l) => ({ invoiceLineId: l.id })),
      invoice.lines,
    );
    if (plan.totals.grossMinor !== invoiceBalance(invoice.amounts)) plan = byAmount(invoiceBalance(invoice.amounts), invoice.taxGroups, reason);
  } else plan = byAmount(invoiceBalance(invoice.amounts), invoice.taxGroups, reason);
  assertCreditWithinBalance(plan.totals.grossMinor, invoice.amounts);
  return plan;
}

/**
 * The credit note that goes with a refund (ADR 0019): the money goes back, so what was paid on the
 * invoice goes down by exactly what is credited and the balance stays (a PAID invoice stays paid).
 * Spread over the invoice's tax groups like a credit by amount; never more than `refundableMinor`
 * (what is left of the payment) nor than what was paid on the invoice.
 */
export function planRefundCreditNote(
  grossMinor: number,
  invoice: { taxGroups: readonly TaxGroup[]; amounts: InvoiceAmounts },
  refundableMinor: number,
  reason: string,
): CreditNotePlan {
  const limit = Math.min(refundableMinor, invoice.amounts.paidMinor);
  if (!Number.isSafeInteger(grossMinor) || grossMinor <= 0 || grossMinor > limit)
    throw new DomainError("REFUND_EXCEEDS_PAYMENT", { field: "amountMinor", requestedMinor: grossMinor, availableMinor: limit });
  return byAmount(grossMinor, invoice.taxGroups, reason);
}
