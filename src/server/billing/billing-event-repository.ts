import type { Db } from "@/server/db/types";

export interface NewBillingEvent {
  /** Stable and unique: a retry of the same effect inserts the same key and is ignored. */
  key: string;
  kind: "ISSUED" | "PAYMENT_RECORDED" | "CREDITED" | "VOIDED";
  cause: string;
  customerId: string;
  invoiceId: string;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * Records an invoice event outside the billing run (manual issue, payment, credit note, void) in the
 * caller's transaction, for the invoice timeline and the outgoing webhooks (the insert fans out to
 * endpoints, ADR 0016). ON CONFLICT DO NOTHING without a target: a key already used, or a second
 * ISSUED for an invoice the billing run already recorded (billing_events_one_issued_per_invoice).
 */
export async function recordBillingEvent(db: Db, e: NewBillingEvent): Promise<void> {
  await db.$executeRaw`
    INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, details, at)
    VALUES (${e.key}, ${e.kind}, ${e.cause}, ${e.customerId}::uuid, ${e.invoiceId}::uuid, ${JSON.stringify(e.details)}::jsonb, ${e.at})
    ON CONFLICT DO NOTHING`;
}
