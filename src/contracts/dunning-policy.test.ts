import { describe, expect, it } from "vitest";
import { DEFAULT_DUNNING_POLICY } from "@/domain/billing/dunning-policy";
import { ZDunningPolicyInput } from "./dunning-policy";

const input = { ...DEFAULT_DUNNING_POLICY, reminderDaysBeforeDue: [1, 10, 5] };

describe("dunning policy input", () => {
  it("parses the defaults, sorting reminders and normalising codes", () => {
    const parsed = ZDunningPolicyInput.parse({ ...input, holidayCountry: "fr", holidayRegion: "" });
    expect(parsed).toEqual({ ...DEFAULT_DUNNING_POLICY, holidayCountry: "FR", holidayRegion: null });
  });

  it("puts each domain problem on its field with its code", () => {
    const result = ZDunningPolicyInput.safeParse({ ...input, renewalLeadDays: 0, terminateAfterDays: 1 });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => ({
      path: i.path,
      code: (i as { params?: { code?: string } }).params?.code,
    }));
    expect(issues).toEqual([
      { path: ["terminateAfterDays"], code: "TERMINATE_NOT_AFTER_SUSPEND" },
      { path: ["reminderDaysBeforeDue", 0], code: "REMINDER_BEFORE_INVOICE" },
      { path: ["reminderDaysBeforeDue", 1], code: "REMINDER_BEFORE_INVOICE" },
      { path: ["reminderDaysBeforeDue", 2], code: "REMINDER_BEFORE_INVOICE" },
    ]);
  });

  it("rejects unknown fields and fractions", () => {
    expect(ZDunningPolicyInput.safeParse({ ...input, customerGroupId: "x" }).success).toBe(false);
    expect(ZDunningPolicyInput.safeParse({ ...input, suspendAfterDays: 2.5 }).success).toBe(false);
  });
});
