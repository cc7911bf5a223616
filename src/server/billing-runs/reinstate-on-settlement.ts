import { todayIn } from "@/domain/billing/calendar-date";
import { reinstatementOnPayment } from "@/domain/billing/reinstatement";
import type { BillingCycleName } from "@/domain/billing/billing-cycle";
import type { InvoiceStatusName } from "@/domain/billing/invoice-state";
import { transitionSubscription, type SubscriptionStatusName } from "@/domain/billing/subscription-state";
import { DEFAULT_DUNNING_POLICY } from "@/domain/billing/dunning-policy";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";
import { changeSubscriptionStatus } from "@/server/subscriptions/subscription-repository";

/**
 * Instant reinstatement: called in the transaction that settles an invoice (payment, credit note,
 * void). Releases the holds that invoice put on subscriptions; each subscription whose last hold
 * goes comes back at once, remembers the day (a renewal held back by the suspension is then issued),
 * and, if the group's policy says so, renews next on a longer cycle. Keyed events make a retry a no-op.
 */
export async function reinstateOnSettlement(tx: Db, invoiceId: string, now: Date): Promise<{ reinstatements: number; cyclesLengthened: number }> {
  const held = await tx.$queryRaw<{ subscriptionId: string }[]>`
    SELECT subscription_id::text AS "subscriptionId" FROM subscription_holds WHERE invoice_id = ${invoiceId}::uuid AND released_at IS NULL`;
  if (held.length === 0) return { reinstatements: 0, cyclesLengthened: 0 };
  const subscriptionIds = held.map((h) => h.subscriptionId);
  const [subs, holds, customer] = await Promise.all([
    tx.$queryRaw<{ id: string; customerId: string; status: SubscriptionStatusName; cycle: BillingCycleName }[]>`
      SELECT id::text AS id, customer_id::text AS "customerId", status::text AS status, cycle::text AS cycle
      FROM subscriptions WHERE id = ANY(${subscriptionIds}::uuid[]) FOR UPDATE`,
    tx.$queryRaw<{ subscriptionId: string; invoiceId: string }[]>`
      SELECT subscription_id::text AS "subscriptionId", invoice_id::text AS "invoiceId" FROM subscription_holds
      WHERE subscription_id = ANY(${subscriptionIds}::uuid[]) AND released_at IS NULL`,
    tx.$queryRaw<{ id: string; timeZone: string; lengthen: boolean | null }[]>`
      SELECT c.id::text AS id, c.time_zone AS "timeZone", g.lengthen_cycle_on_reinstatement AS lengthen
      FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN customer_groups g ON g.id = c.group_id WHERE i.id = ${invoiceId}::uuid`,
  ]);
  const invoiceIds = [...new Set(holds.map((h) => h.invoiceId))];
  const invoices = await tx.$queryRaw<{ id: string; status: InvoiceStatusName; balance: bigint }[]>`
    SELECT id::text AS id, status::text AS status, gross_minor - paid_minor - credited_minor AS balance FROM invoices WHERE id = ANY(${invoiceIds}::uuid[])`;
  const c = customer[0];
  if (!c) return { reinstatements: 0, cyclesLengthened: 0 };
  const on = todayIn(c.timeZone, now);
  const plan = reinstatementOnPayment({
    on,
    policy: { lengthenCycleAfterReinstatement: c.lengthen ?? DEFAULT_DUNNING_POLICY.lengthenCycleAfterReinstatement },
    subscriptions: subs,
    holds,
    invoices: invoices.map((i) => ({ id: i.id, status: i.status, balanceMinor: minorFromDb(i.balance) })),
  });
  for (const h of plan.releasedHolds) {
    await tx.$executeRaw`UPDATE subscription_holds SET released_at = ${now} WHERE subscription_id = ${h.subscriptionId}::uuid AND invoice_id = ${h.invoiceId}::uuid AND released_at IS NULL`;
  }
  let reinstatements = 0;
  for (const r of plan.reinstate) {
    const inserted = await tx.$executeRaw`
      INSERT INTO billing_events (key, kind, cause, customer_id, subscription_id, invoice_id, details, at)
      VALUES (${r.key}, 'REINSTATED', 'INVOICE_SETTLED', ${c.id}::uuid, ${r.subscriptionId}::uuid, ${invoiceId}::uuid, ${JSON.stringify({ settledInvoiceIds: r.settledInvoiceIds })}::jsonb, ${now})
      ON CONFLICT (key) DO NOTHING`;
    if (inserted === 0) continue;
    await changeSubscriptionStatus(tx, r.subscriptionId, "SUSPENDED", transitionSubscription("SUSPENDED", "reinstate"), { reason: `REINSTATED: invoice ${r.settledInvoiceIds.join(", ")} settled`, actorUserId: null, at: now });
    await tx.$executeRaw`UPDATE subscriptions SET reinstated_on = ${r.on}::date WHERE id = ${r.subscriptionId}::uuid`;
    reinstatements += 1;
  }
  let cyclesLengthened = 0;
  for (const l of plan.lengthen) {
    const inserted = await tx.$executeRaw`
      INSERT INTO billing_events (key, kind, cause, customer_id, subscription_id, details, at)
      VALUES (${l.key}, 'CYCLE_LENGTHENED', 'REINSTATED', ${c.id}::uuid, ${l.subscriptionId}::uuid, ${JSON.stringify({ from: l.from, to: l.to })}::jsonb, ${now})
      ON CONFLICT (key) DO NOTHING`;
    if (inserted === 0) continue;
    await tx.$executeRaw`UPDATE subscriptions SET cycle = ${l.to}::billing_cycle WHERE id = ${l.subscriptionId}::uuid AND cycle = ${l.from}::billing_cycle`;
    cyclesLengthened += 1;
  }
  return { reinstatements, cyclesLengthened };
}
