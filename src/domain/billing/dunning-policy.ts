import { DomainError } from "@/domain/shared/domain-error";

/**
 * When renewals are invoiced and what happens to an unpaid one: one policy per customer group,
 * edited by billing staff. Every offset counts calendar days from the invoice's due date, which is
 * the renewal date D (the end of the current period) for an invoice issued on time.
 */
export interface DunningPolicy {
  /** The renewal invoice is issued this many days before D; 0 issues it on D, the new period's first day. */
  readonly renewalLeadDays: number;
  /** Reminders this many days before the due date while something is left to pay, e.g. [10, 5, 1]. */
  readonly reminderDaysBeforeDue: readonly number[];
  /** The unpaid invoice's subscriptions are suspended this many days after the due date. */
  readonly suspendAfterDays: number;
  /** All the customer's subscriptions are suspended this many business days after the due date. */
  readonly suspendAllAfterBusinessDays: number;
  /** The unpaid invoice's subscriptions are terminated this many days after the due date. */
  readonly terminateAfterDays: number;
  /** After a reinstatement the next renewal moves to the next longer cycle (monthly -> quarterly...). */
  readonly lengthenCycleAfterReinstatement: boolean;
  /** Whose public holidays business days skip: ISO 3166 alpha-2 country, optional region; null: weekends only. */
  readonly holidayCountry: string | null;
  readonly holidayRegion: string | null;
}

/** The sources' terms: D-15, reminders D-10, D-5, D-1, suspension D+2, termination D+25, everything at D+5 business days. */
export const DEFAULT_DUNNING_POLICY: DunningPolicy = Object.freeze({
  renewalLeadDays: 15,
  reminderDaysBeforeDue: Object.freeze([10, 5, 1]),
  suspendAfterDays: 2,
  suspendAllAfterBusinessDays: 5,
  terminateAfterDays: 25,
  lengthenCycleAfterReinstatement: true,
  holidayCountry: "FR",
  holidayRegion: null,
});

/** Generous bounds that still catch a typo (a lead of 1500 days) before it schedules anything. */
export const POLICY_LIMITS = {
  renewalLeadDays: 365,
  reminderDaysBeforeDue: 365,
  reminders: 10,
  suspendAfterDays: 365,
  suspendAllAfterBusinessDays: 250,
  terminateAfterDays: 730,
} as const;

export type PolicyField = keyof DunningPolicy;
export type PolicyProblemCode =
  | "NOT_A_WHOLE_NUMBER"
  | "OUT_OF_RANGE"
  | "TOO_MANY_REMINDERS"
  | "DUPLICATE_REMINDER"
  | "REMINDER_NOT_BEFORE_DUE"
  | "REMINDER_BEFORE_INVOICE"
  | "TERMINATE_NOT_AFTER_SUSPEND"
  | "NOT_A_COUNTRY"
  | "REGION_WITHOUT_COUNTRY"
  | "NOT_A_REGION";

/** What is wrong with one field; `path` points into it ("reminderDaysBeforeDue.1") for the form. */
export interface PolicyProblem {
  readonly path: string;
  readonly code: PolicyProblemCode;
}

/**
 * Everything incoherent in a policy, per field; empty when it can run. A reminder must come
 * strictly before the due date and strictly after the invoice is issued (one on the issue day or
 * earlier could never be sent: with 0 lead days there is no room for reminders at all), and
 * termination must come after suspension, since only a suspended subscription can be terminated.
 */
export function dunningPolicyProblems(p: DunningPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const wholeNumber = (path: string, value: number, max: number): boolean => {
    if (!Number.isSafeInteger(value)) problems.push({ path, code: "NOT_A_WHOLE_NUMBER" });
    else if (value < 0 || value > max) problems.push({ path, code: "OUT_OF_RANGE" });
    else return true;
    return false;
  };
  const leadOk = wholeNumber("renewalLeadDays", p.renewalLeadDays, POLICY_LIMITS.renewalLeadDays);
  const suspendOk = wholeNumber("suspendAfterDays", p.suspendAfterDays, POLICY_LIMITS.suspendAfterDays);
  wholeNumber(
    "suspendAllAfterBusinessDays",
    p.suspendAllAfterBusinessDays,
    POLICY_LIMITS.suspendAllAfterBusinessDays,
  );
  if (
    wholeNumber("terminateAfterDays", p.terminateAfterDays, POLICY_LIMITS.terminateAfterDays) &&
    suspendOk
  ) {
    if (p.terminateAfterDays <= p.suspendAfterDays)
      problems.push({ path: "terminateAfterDays", code: "TERMINATE_NOT_AFTER_SUSPEND" });
  }

  if (p.reminderDaysBeforeDue.length > POLICY_LIMITS.reminders) {
    problems.push({ path: "reminderDaysBeforeDue", code: "TOO_MANY_REMINDERS" });
  }
  p.reminderDaysBeforeDue.forEach((days, i) => {
    const path = `reminderDaysBeforeDue.${i}`;
    if (!Number.isSafeInteger(days)) problems.push({ path, code: "NOT_A_WHOLE_NUMBER" });
    else if (days < 1) problems.push({ path, code: "REMINDER_NOT_BEFORE_DUE" });
    else if (days > POLICY_LIMITS.reminderDaysBeforeDue) problems.push({ path, code: "OUT_OF_RANGE" });
    else if (leadOk && days >= p.renewalLeadDays) problems.push({ path, code: "REMINDER_BEFORE_INVOICE" });
    else if (p.reminderDaysBeforeDue.indexOf(days) !== i) problems.push({ path, code: "DUPLICATE_REMINDER" });
  });

  if (p.holidayCountry !== null && !/^[A-Z]{2}$/.test(p.holidayCountry)) {
    problems.push({ path: "holidayCountry", code: "NOT_A_COUNTRY" });
  }
  if (p.holidayRegion !== null) {
    if (p.holidayCountry === null) problems.push({ path: "holidayRegion", code: "REGION_WITHOUT_COUNTRY" });
    else if (!/^[A-Za-z0-9-]{1,10}$/.test(p.holidayRegion))
      problems.push({ path: "holidayRegion", code: "NOT_A_REGION" });
  }
  return problems;
}

/**
 * A checked policy, reminders sorted from the earliest (most days before due) to the latest, so
 * the planner and the screens read them in the order they are sent. Throws VALIDATION_FAILED
 * with the problems when it is incoherent.
 */
export function dunningPolicy(p: DunningPolicy): DunningPolicy {
  const known = checked.get(p);
  if (known) return known;
  const problems = dunningPolicyProblems(p);
  if (problems.length > 0)
    throw new DomainError("VALIDATION_FAILED", { reason: "INCOHERENT_DUNNING_POLICY", problems });
  const policy: DunningPolicy = { ...p, reminderDaysBeforeDue: [...p.reminderDaysBeforeDue].sort((a, b) => b - a) };
  checked.set(p, policy);
  checked.set(policy, policy);
  return policy;
}

/**
 * Policies already checked, by object: a billing run plans thousands of customers of the same few
 * groups, and checking the same policy for each was a tenth of the planning. A policy is a value,
 * never changed once made (its fields are readonly), so an object checked once stays checked.
 */
const checked = new WeakMap<DunningPolicy, DunningPolicy>();
