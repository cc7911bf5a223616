import { reinstateOnSettlement } from "@/server/billing-runs/reinstate-on-settlement";
import type { RootDb } from "@/server/db/types";

/**
 * The run's safety net behind instant reinstatement: a hold whose invoice is settled (paid, credited
 * or voided) yet still held, because it was settled by a path that did not release it (a manual SQL
 * fix, an import), is released now, one invoice per transaction. The payment's own transaction does
 * this at once, so a run normally finds nothing; the keyed events make a race with it harmless.
 */
export async function releaseSettledHolds(db: RootDb, now: Date): Promise<{ reinstatements: number; cyclesLengthened: number }> {
  const settled = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT h.invoice_id::text AS id
    FROM subscription_holds h JOIN invoices i ON i.id = h.invoice_id
    WHERE h.released_at IS NULL AND (i.status <> 'OPEN' OR i.gross_minor - i.paid_minor - i.credited_minor <= 0)`;
  const total = { reinstatements: 0, cyclesLengthened: 0 };
  for (const { id } of settled) {
    const r = await db.$transaction((tx) => reinstateOnSettlement(tx, id, now));
    total.reinstatements += r.reinstatements;
    total.cyclesLengthened += r.cyclesLengthened;
  }
  return total;
}
