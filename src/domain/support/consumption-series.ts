// The portal's consumption chart (issue 18): per day on which something happened, the hours used and
// the hours bought so far. Cumulative lines show both the slope of use and each top-up; the gap
// between them is the balance.

export interface DatedMinutes {
  /** A calendar day, YYYY-MM-DD. */
  on: string;
  minutes: number;
}

export interface ConsumptionPoint {
  on: string;
  usedMinutes: number;
  boughtMinutes: number;
}

/** One point per day with a purchase or a draw, in date order, both totals cumulative. */
export function consumptionSeries(purchases: readonly DatedMinutes[], draws: readonly DatedMinutes[]): ConsumptionPoint[] {
  const days = new Map<string, { used: number; bought: number }>();
  const at = (on: string) => {
    const known = days.get(on);
    if (known) return known;
    const fresh = { used: 0, bought: 0 };
    days.set(on, fresh);
    return fresh;
  };
  for (const p of purchases) at(p.on).bought += p.minutes;
  for (const d of draws) at(d.on).used += d.minutes;
  let used = 0;
  let bought = 0;
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([on, d]) => {
      used += d.used;
      bought += d.bought;
      return { on, usedMinutes: used, boughtMinutes: bought };
    });
}
