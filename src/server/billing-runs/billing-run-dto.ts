import { EMPTY_COUNTS } from "@/server/billing-runs/execute-billing-run";
import type { BillingRunRow } from "@/server/billing-runs/billing-run-repository";

/** A run as the API and the back-office show it (counts default to zero until the run reports). */
export function billingRunDto(r: BillingRunRow) {
  return {
    id: r.id,
    asOf: r.asOf.toISOString().slice(0, 10),
    dryRun: r.dryRun,
    status: r.status,
    counts: { ...EMPTY_COUNTS, ...(r.counts as Partial<typeof EMPTY_COUNTS>) },
    errors: (r.errors as { customerId: string | null; code: string }[]) ?? [],
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    progress: { customersTotal: r.customersTotal, customersDone: r.customersDone },
  };
}
