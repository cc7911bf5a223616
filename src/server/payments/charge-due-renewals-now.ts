import type { RootDb } from "@/server/db/types";
import { applyDemoEventsNow } from "@/server/payments/apply-demo-events-now";
import { type AutopayRunResult, runAutopay } from "@/server/payments/autopay-run";
import type { PaymentProvider } from "@/server/payments/payment-provider";

/**
 * Billing staff's "Charge due renewals now": today's autopay at once instead of at AUTOPAY_AT (after
 * a provider outage, or to see it work). The same run as the daily job, so it charges each attempt
 * once however often it is pressed. With the demo provider, the outcomes are applied before the page
 * answers (no worker needed), as the demo payment form does.
 */
export async function chargeDueRenewalsNow(
  db: RootDb,
  provider: PaymentProvider,
  now: Date,
): Promise<AutopayRunResult> {
  const result = await runAutopay(db, provider, now);
  for (const customerId of result.chargedCustomerIds) {
    await applyDemoEventsNow(db, provider, customerId, now);
  }
  return result;
}
