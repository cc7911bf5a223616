import type { Db } from "@/server/db/types";
import { findBankProduct, latestBankProductId, listBankProducts } from "@/server/support/banks/hour-bank-repository";

export interface HourlyRate {
  productId: string;
  rateMinor: number;
  taxRateBp: number;
}

/**
 * The hourly rate of a customer's time outside a bank: the one-off price, in their currency, of the
 * bank product they last bought, else of the oldest active bank product that has one. Null when the
 * catalogue has none in that currency (the time then waits to be billed).
 */
export async function hourlyRateFor(db: Db, customerId: string, currency: string): Promise<HourlyRate | null> {
  const latest = await latestBankProductId(db, customerId);
  const candidates = [...(latest ? [await findBankProduct(db, latest)] : []), ...(await listBankProducts(db))];
  for (const p of candidates) {
    const rateMinor = p?.hourlyRates.get(currency);
    if (p && rateMinor !== undefined) return { productId: p.id, rateMinor, taxRateBp: p.taxRateBp };
  }
  return null;
}
