/** A reconciliation run as the back-office shows it (ADR 0019). */
export interface ReconciliationFindingView {
  kind: "SETTLED_LOST_WEBHOOK" | "UNKNOWN_AT_US" | "MISSING_AT_PROVIDER";
  intentId: string | null;
  checkoutId: string | null;
  amountMinor: number;
  currency: string;
}

export interface ReconciliationRunView {
  id: string;
  provider: string;
  status: string;
  periodFrom: string;
  periodTo: string;
  startedAt: string;
  counts: { providerSucceeded: number; matched: number; settled: number; unknownAtUs: number; missingAtProvider: number };
  findings: ReconciliationFindingView[];
}
