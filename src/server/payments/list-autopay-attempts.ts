import type { AutopayAttemptView } from "@/contracts/payment-views";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";
import { recentAutopayAttempts } from "@/server/payments/autopay-repository";

/** The back-office's autopay page: the latest attempts, newest first, as DTOs. */
export async function listAutopayAttempts(db: Db, limit = 50): Promise<AutopayAttemptView[]> {
  return (await recentAutopayAttempts(db, limit)).map((r) => ({
    ...r,
    amountMinor: minorFromDb(r.amountMinor),
    createdAt: r.createdAt.toISOString(),
  }));
}
