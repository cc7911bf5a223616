/** The kinds of method a customer may save or pay with; bank debits follow the currency (SEPA in EUR, ACH in USD, PAD in CAD). */
export type MethodKind = "CARD" | "SEPA_DEBIT" | "ACH_DEBIT" | "ACSS_DEBIT";

const BANK_DEBIT_OF: Record<string, MethodKind> = { EUR: "SEPA_DEBIT", USD: "ACH_DEBIT", CAD: "ACSS_DEBIT" };

/** What a checkout in this currency offers: a card always, and the bank debit of the currency's region if it has one. */
export function methodKindsFor(currency: string): MethodKind[] {
  const bank = BANK_DEBIT_OF[currency.toUpperCase()];
  return bank ? ["CARD", bank] : ["CARD"];
}

/** How the ledger records money collected with a method of this kind (payments.method). */
export const ledgerMethodOf = (kind: MethodKind | null): "CARD" | "BANK_DEBIT" =>
  kind === null || kind === "CARD" ? "CARD" : "BANK_DEBIT";

/**
 * What identifies one attempt to collect money, before hashing: the same customer paying the same
 * invoices with the same balances for the same purpose is the same attempt (a double click, a
 * retried request, a re-run job), so it reuses the same checkout and the same provider intent. Once
 * a balance moves (part paid by transfer) it is a new attempt; `attempt` starts another one on purpose
 * (after a cancellation). Invoices are sorted, so their order on the page does not matter.
 */
export function checkoutKeyMaterial(input: {
  customerId: string;
  purpose: "MANUAL" | "AUTOPAY";
  invoices: readonly { invoiceId: string; balanceMinor: number }[];
  attempt: number;
}): string {
  const invoices = [...input.invoices]
    .sort((a, b) => a.invoiceId.localeCompare(b.invoiceId))
    .map((i) => `${i.invoiceId}=${i.balanceMinor}`);
  return ["checkout", input.customerId, input.purpose, invoices.join(","), String(input.attempt)].join("|");
}
