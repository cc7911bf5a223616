import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import {
  DEFAULT_DUNNING_POLICY,
  type DunningPolicy,
  dunningPolicy,
  dunningPolicyProblems,
} from "./dunning-policy";
import { anyPolicy } from "./test-schedule-arbitraries";

const policy = (changes: Partial<DunningPolicy>): DunningPolicy => ({
  ...DEFAULT_DUNNING_POLICY,
  ...changes,
});
const problemsOf = (changes: Partial<DunningPolicy>) => dunningPolicyProblems(policy(changes));

describe("dunning policy", () => {
  it("defaults to the sources' terms, which are coherent", () => {
    expect(DEFAULT_DUNNING_POLICY).toMatchObject({
      renewalLeadDays: 15,
      reminderDaysBeforeDue: [10, 5, 1],
      suspendAfterDays: 2,
      suspendAllAfterBusinessDays: 5,
      terminateAfterDays: 25,
      lengthenCycleAfterReinstatement: true,
      holidayCountry: "FR",
      holidayRegion: null,
    });
    expect(dunningPolicyProblems(DEFAULT_DUNNING_POLICY)).toEqual([]);
  });

  it("accepts 0 lead days (invoice on the first day of the new period) without reminders", () => {
    expect(problemsOf({ renewalLeadDays: 0, reminderDaysBeforeDue: [] })).toEqual([]);
    expect(problemsOf({ renewalLeadDays: 0 })).toEqual([
      { path: "reminderDaysBeforeDue.0", code: "REMINDER_BEFORE_INVOICE" },
      { path: "reminderDaysBeforeDue.1", code: "REMINDER_BEFORE_INVOICE" },
      { path: "reminderDaysBeforeDue.2", code: "REMINDER_BEFORE_INVOICE" },
    ]);
  });

  it("refuses negative or fractional numbers, field by field", () => {
    expect(
      problemsOf({ renewalLeadDays: -1, suspendAfterDays: 1.5, suspendAllAfterBusinessDays: -3 }),
    ).toEqual([
      { path: "renewalLeadDays", code: "OUT_OF_RANGE" },
      { path: "suspendAfterDays", code: "NOT_A_WHOLE_NUMBER" },
      { path: "suspendAllAfterBusinessDays", code: "OUT_OF_RANGE" },
    ]);
    expect(problemsOf({ terminateAfterDays: 100_000 })).toEqual([
      { path: "terminateAfterDays", code: "OUT_OF_RANGE" },
    ]);
  });

  it("refuses reminders on or after the due date, on or before the issue day, or twice the same", () => {
    expect(problemsOf({ reminderDaysBeforeDue: [5, 0, -2] })).toEqual([
      { path: "reminderDaysBeforeDue.1", code: "REMINDER_NOT_BEFORE_DUE" },
      { path: "reminderDaysBeforeDue.2", code: "REMINDER_NOT_BEFORE_DUE" },
    ]);
    expect(problemsOf({ reminderDaysBeforeDue: [15, 20] })).toEqual([
      { path: "reminderDaysBeforeDue.0", code: "REMINDER_BEFORE_INVOICE" },
      { path: "reminderDaysBeforeDue.1", code: "REMINDER_BEFORE_INVOICE" },
    ]);
    expect(problemsOf({ reminderDaysBeforeDue: [5, 1, 5] })).toEqual([
      { path: "reminderDaysBeforeDue.2", code: "DUPLICATE_REMINDER" },
    ]);
    expect(problemsOf({ reminderDaysBeforeDue: [14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4] })).toEqual([
      { path: "reminderDaysBeforeDue", code: "TOO_MANY_REMINDERS" },
    ]);
  });

  it("refuses termination on or before suspension (only a suspended service can be terminated)", () => {
    expect(problemsOf({ suspendAfterDays: 10, terminateAfterDays: 5 })).toEqual([
      { path: "terminateAfterDays", code: "TERMINATE_NOT_AFTER_SUSPEND" },
    ]);
    expect(problemsOf({ suspendAfterDays: 10, terminateAfterDays: 10 })).toHaveLength(1);
    expect(problemsOf({ suspendAfterDays: 0, terminateAfterDays: 1 })).toEqual([]);
  });

  it("wants an ISO country for holidays, and a region only within a country", () => {
    expect(problemsOf({ holidayCountry: "fr" })).toEqual([{ path: "holidayCountry", code: "NOT_A_COUNTRY" }]);
    expect(problemsOf({ holidayCountry: null, holidayRegion: "57" })).toEqual([
      { path: "holidayRegion", code: "REGION_WITHOUT_COUNTRY" },
    ]);
    expect(problemsOf({ holidayCountry: "FR", holidayRegion: "57" })).toEqual([]);
    expect(problemsOf({ holidayCountry: null, holidayRegion: null })).toEqual([]);
  });

  it("checked, sorts reminders from the earliest; incoherent, throws VALIDATION_FAILED", () => {
    expect(dunningPolicy(policy({ reminderDaysBeforeDue: [1, 10, 5] })).reminderDaysBeforeDue).toEqual([
      10, 5, 1,
    ]);
    expect(codeOf(() => dunningPolicy(policy({ renewalLeadDays: -1 })))).toBe("VALIDATION_FAILED");
  });

  it("the policies the schedule tests draw are all coherent", () => {
    fc.assert(fc.property(anyPolicy, (p) => dunningPolicyProblems(p).length === 0));
  });
});
