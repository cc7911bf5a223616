import { describe, expect, it } from "vitest";
import { DEFAULT_DUNNING_POLICY } from "@/domain/billing/dunning-policy";
import { ZDunningPolicyForm } from "./dunning-policy";

const typed = {
  renewalLeadDays: "15",
  reminderDaysBeforeDue: "1, 10 ;5",
  suspendAfterDays: "2",
  suspendAllAfterBusinessDays: "5",
  terminateAfterDays: "25",
  lengthenCycleAfterReinstatement: "on",
  holidayCountry: "fr",
  holidayRegion: "",
};

describe("the group's Billing tab as typed", () => {
  it("reads the sources' terms from text, reminders in any order and separators", () => {
    expect(ZDunningPolicyForm.parse(typed)).toEqual({ policy: DEFAULT_DUNNING_POLICY, manualStatusChanges: false });
  });

  it("reads an unticked box as false, empty reminders as none and an empty country as weekends only", () => {
    const parsed = ZDunningPolicyForm.parse({ ...typed, renewalLeadDays: "0", reminderDaysBeforeDue: "", lengthenCycleAfterReinstatement: undefined, holidayCountry: "", manualStatusChanges: "on" });
    expect(parsed.policy).toMatchObject({ renewalLeadDays: 0, reminderDaysBeforeDue: [], lengthenCycleAfterReinstatement: false, holidayCountry: null });
    expect(parsed.manualStatusChanges).toBe(true);
  });

  it("puts each problem on the field a person typed it in", () => {
    const codes = (over: Record<string, string>) =>
      ZDunningPolicyForm.safeParse({ ...typed, ...over }).error?.issues.map((i) => [i.path.join("."), (i as { params?: { code?: string } }).params?.code]);
    expect(codes({ suspendAfterDays: "two" })).toEqual([["suspendAfterDays", "NOT_A_WHOLE_NUMBER"]]);
    expect(codes({ reminderDaysBeforeDue: "10, five" })).toEqual([["reminderDaysBeforeDue", "NOT_A_DAY_LIST"]]);
    expect(codes({ terminateAfterDays: "1" })).toEqual([["policy.terminateAfterDays", "TERMINATE_NOT_AFTER_SUSPEND"]]);
    expect(codes({ reminderDaysBeforeDue: "20" })).toEqual([["policy.reminderDaysBeforeDue.0", "REMINDER_BEFORE_INVOICE"]]);
  });
});
