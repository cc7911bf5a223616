// Prepaid hour banks (issue 18): bought in volume tiers (the more hours, the lower the hourly rate),
// never expiring, consumed oldest purchase first. Minutes are the unit everywhere (whole numbers).

export interface VolumeTier {
  /** From this many hours bought (the first tier starts at 1). */
  fromHours: number;
  rateMinor: number;
}

/**
 * The price of `hours` hours: all of them at the rate of the highest tier reached (as the sources'
 * price list reads: 10 h at 95, 20 h at 90...). Tiers must start at 1 h and never get dearer.
 */
export function bankPrice(hours: number, tiers: readonly VolumeTier[]): { rateMinor: number; totalMinor: number } {
  if (!Number.isInteger(hours) || hours < 1) throw new RangeError("hours bought must be a whole number, at least 1");
  const problem = tierProblem(tiers);
  if (problem) throw new RangeError(problem);
  const tier = [...tiers].sort((a, b) => a.fromHours - b.fromHours).filter((t) => t.fromHours <= hours).pop() as VolumeTier;
  return { rateMinor: tier.rateMinor, totalMinor: tier.rateMinor * hours };
}

/** Why a tier list cannot price banks, or null. */
export function tierProblem(tiers: readonly VolumeTier[]): string | null {
  if (tiers.length === 0) return "NO_TIERS";
  const sorted = [...tiers].sort((a, b) => a.fromHours - b.fromHours);
  if (sorted[0]?.fromHours !== 1) return "FIRST_TIER_NOT_AT_ONE_HOUR";
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i] as VolumeTier;
    if (!Number.isInteger(t.fromHours) || !Number.isInteger(t.rateMinor) || t.rateMinor < 0) return "NOT_WHOLE";
    const prev = sorted[i - 1];
    if (prev && prev.fromHours === t.fromHours) return "DUPLICATE_TIER";
    if (prev && t.rateMinor > prev.rateMinor) return "RATE_GOES_UP";
  }
  return null;
}

export interface BankBalance {
  bankId: string;
  /** Oldest first is decided by this, then by id (two purchases the same instant). */
  purchasedAt: Date;
  remainingMinutes: number;
}

export interface BankDraw {
  bankId: string;
  minutes: number;
}

/**
 * Draws `minutes` from the banks, oldest purchase first; what the banks cannot cover is the
 * overage, billed at the hourly rate on the next invoice.
 */
export function drawFromBanks(banks: readonly BankBalance[], minutes: number): { draws: BankDraw[]; overageMinutes: number } {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError("minutes must be a whole number");
  const ordered = [...banks].sort((a, b) => a.purchasedAt.getTime() - b.purchasedAt.getTime() || (a.bankId < b.bankId ? -1 : a.bankId > b.bankId ? 1 : 0));
  const draws: BankDraw[] = [];
  let left = minutes;
  for (const bank of ordered) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, bank.remainingMinutes));
    if (take > 0) {
      draws.push({ bankId: bank.bankId, minutes: take });
      left -= take;
    }
  }
  return { draws, overageMinutes: left };
}

/** The low-balance thresholds crossed by going from `usedBefore` to `usedAfter` of `total` (80 % and 95 % by default). */
export function thresholdsCrossed(total: number, usedBefore: number, usedAfter: number, thresholds: readonly number[] = [80, 95]): number[] {
  if (total <= 0) return [];
  return thresholds.filter((p) => usedBefore * 100 < p * total && usedAfter * 100 >= p * total);
}
