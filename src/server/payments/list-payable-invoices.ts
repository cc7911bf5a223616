import type { PayableGroupView } from "@/contracts/payment-views";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";
import { openBalancesByCurrency } from "@/server/payments/portal-payment-repository";

/** "Pay all due": the customer's open invoices per currency (one checkout each), oldest due first. */
export async function listPayableInvoices(db: Db, customerId: string): Promise<PayableGroupView[]> {
  const rows = await openBalancesByCurrency(db, customerId);
  return rows.map((r) => ({ currency: r.currency, invoiceIds: r.ids, totalMinor: minorFromDb(r.total) }));
}
