// How support time is charged (issue 18): the time actually spent rounds UP to the rule's increment,
// then the rule's minimum applies. The rule depends on the urgency, the channel and whether the
// customer holds a prepaid hour bank (banks get finer increments: the sources' price for buying
// ahead). Training and change requests are never drawn from a bank; travel beyond the free radius is
// charged on top, never from a bank. Defaults below are the sources'; a provider configures its own.

export const URGENCIES = ["REGULAR", "URGENT"] as const;
export type Urgency = (typeof URGENCIES)[number];
export const CHANNELS = ["PHONE", "ON_SITE"] as const;
export type Channel = (typeof CHANNELS)[number];
export const ACTIVITY_TYPES = ["SUPPORT", "MAINTENANCE", "TRAINING", "CHANGE_REQUEST"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Activities billed separately, never drawn from a bank. */
export const NEVER_FROM_BANK: readonly ActivityType[] = ["TRAINING", "CHANGE_REQUEST"];

export interface ChargingRule {
  incrementMinutes: number;
  /** 0: no minimum. */
  minimumMinutes: number;
}

type RuleGrid = Record<Urgency, Record<Channel, ChargingRule>>;

export interface ChargingRules {
  withBank: RuleGrid;
  withoutBank: RuleGrid;
  travel: {
    /** Distance from the provider's base that is free, in km. */
    freeRadiusKm: number;
    /** Charge the travel time of a trip beyond the radius (at the hourly rate). */
    chargeTime: boolean;
    /** Charge the distance beyond the radius, at `ratePerKmMinor` a km. */
    chargeDistance: boolean;
    ratePerKmMinor: number;
  };
}

const rule = (incrementMinutes: number, minimumMinutes = 0): ChargingRule => ({ incrementMinutes, minimumMinutes });

/** The sources' table. */
export const DEFAULT_CHARGING_RULES: ChargingRules = {
  withBank: {
    REGULAR: { PHONE: rule(15), ON_SITE: rule(30, 60) },
    URGENT: { PHONE: rule(30, 60), ON_SITE: rule(60, 120) },
  },
  withoutBank: {
    REGULAR: { PHONE: rule(30), ON_SITE: rule(60, 60) },
    URGENT: { PHONE: rule(60, 60), ON_SITE: rule(120, 120) },
  },
  travel: { freeRadiusKm: 25, chargeTime: true, chargeDistance: false, ratePerKmMinor: 0 },
};

/** Time rounded up to the increment, then at least the minimum. Never less than the time spent. */
export function chargedMinutes(actualMinutes: number, r: ChargingRule): number {
  if (!Number.isInteger(actualMinutes) || actualMinutes < 1) throw new RangeError("time spent must be a whole number of minutes, at least 1");
  if (!Number.isInteger(r.incrementMinutes) || r.incrementMinutes < 1) throw new RangeError("increment must be at least 1 minute");
  const rounded = Math.ceil(actualMinutes / r.incrementMinutes) * r.incrementMinutes;
  return Math.max(rounded, r.minimumMinutes);
}

export interface TimeEntryFacts {
  actualMinutes: number;
  urgency: Urgency;
  channel: Channel;
  activity: ActivityType;
  travelKm: number;
  travelMinutes: number;
}

export interface EntryCharge {
  /** The charged time of the work itself. */
  chargedMinutes: number;
  /** Whether that time may be drawn from the customer's bank (else it is billed). */
  fromBank: boolean;
  /** Travel charged on top, always billed: time at the hourly rate, distance at the km rate. */
  travelMinutes: number;
  travelDistanceMinor: number;
}

/**
 * What one time entry costs. `hasBank`: the customer holds a bank with hours left when the entry is
 * made (its rules apply; excluded activities still use the rules without a bank, as they are billed).
 */
export function chargeEntry(entry: TimeEntryFacts, hasBank: boolean, rules: ChargingRules = DEFAULT_CHARGING_RULES): EntryCharge {
  const fromBank = hasBank && !NEVER_FROM_BANK.includes(entry.activity);
  const grid = fromBank ? rules.withBank : rules.withoutBank;
  const beyondKm = Math.max(0, entry.travelKm - rules.travel.freeRadiusKm);
  const travelled = beyondKm > 0;
  return {
    chargedMinutes: chargedMinutes(entry.actualMinutes, grid[entry.urgency][entry.channel]),
    fromBank,
    travelMinutes: travelled && rules.travel.chargeTime ? Math.max(0, Math.round(entry.travelMinutes)) : 0,
    travelDistanceMinor: travelled && rules.travel.chargeDistance ? Math.round(beyondKm * rules.travel.ratePerKmMinor) : 0,
  };
}
