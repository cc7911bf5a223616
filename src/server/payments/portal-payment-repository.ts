import type { Db } from "@/server/db/types";

/**
 * Reads and one write the portal's payment pages need (issue 16), beside the core's repositories:
 * every read takes the caller's customer id.
 */

/** The invoices a checkout pays, with the share of each, in the order they are paid. */
export async function checkoutInvoiceLines(db: Db, checkoutId: string, customerId: string) {
  const rows = await db.checkoutInvoice.findMany({
    where: { checkoutId, checkout: { customerId } },
    select: {
      amountMinor: true,
      invoice: { select: { id: true, number: true, status: true, dueDate: true } },
    },
  });
  return rows
    .map((r) => ({ ...r.invoice, amountMinor: r.amountMinor }))
    .sort(
      (a, b) =>
        (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0) ||
        (a.number ?? "").localeCompare(b.number ?? ""),
    );
}

/**
 * The customer's choice to keep the method, made on the payment form: written on the checkout before
 * the confirmation, so the settlement (which reads it) saves the method. A settled checkout keeps its own.
 */
export async function setCheckoutSaveMethod(
  db: Db,
  checkoutId: string,
  customerId: string,
  save: boolean,
): Promise<void> {
  await db.checkout.updateMany({
    where: { id: checkoutId, customerId, settledAt: null },
    data: { saveMethod: save },
  });
}

/** The open invoices of a customer with something left to pay, per currency (at most 100 each: one checkout). */
export async function openBalancesByCurrency(db: Db, customerId: string) {
  return db.$queryRaw<{ currency: string; ids: string[]; total: bigint }[]>`
    SELECT currency, (array_agg(id::text ORDER BY due_date NULLS LAST, number))[1:100] AS ids,
           SUM(gross_minor - paid_minor - credited_minor) AS total
    FROM (
      SELECT id, currency, due_date, number, gross_minor, paid_minor, credited_minor,
             row_number() OVER (PARTITION BY currency ORDER BY due_date NULLS LAST, number) AS n
      FROM invoices
      WHERE customer_id = ${customerId}::uuid AND status = 'OPEN' AND gross_minor - paid_minor - credited_minor > 0
    ) i
    WHERE n <= 100
    GROUP BY currency ORDER BY currency`;
}

/**
 * Demo events of one customer not applied yet (their intents and setups carry the customer's id in
 * their metadata), oldest first: the demo form applies them at once after its commit.
 */
export async function unappliedDemoEventIds(db: Db, customerId: string): Promise<bigint[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM payment_webhook_events
    WHERE provider = 'demo' AND processed_at IS NULL
      AND (payload->'intent'->'metadata'->>'customerId' = ${customerId} OR payload->'metadata'->>'customerId' = ${customerId})
    ORDER BY id`;
  return rows.map((r) => r.id);
}

/** Who the setup intent was created for (the demo keeps its setups in `demo_provider_intents`). */
export async function demoSetupCustomerId(db: Db, setupId: string): Promise<string | null> {
  const row = await db.demoProviderIntent.findUnique({
    where: { id: setupId },
    select: { kind: true, metadata: true },
  });
  if (row?.kind !== "setup") return null;
  const id = (row.metadata as Record<string, unknown> | null)?.customerId;
  return typeof id === "string" ? id : null;
}
