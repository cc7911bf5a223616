import { describe, expect, it } from "vitest";
import { CHANNELS, DEFAULT_CHARGING_RULES, URGENCIES } from "@/domain/support/charging-rules";
import { chargingRulesFrom, ruleField, ZUpdateSupportSettingsInput } from "./support-settings";

/** The form as the defaults fill it. */
function form(overrides: Record<string, string> = {}): Record<string, string> {
  const f: Record<string, string> = {
    regularAddress: "Support@Example.com",
    urgentAddress: "urgent@example.com",
    timeZone: "America/Toronto",
    holidayCountry: "ca",
    holidayRegion: "qc",
    travelFreeRadiusKm: "25",
    travelChargeTime: "on",
    travelRatePerKm: "0,55",
    lowBalanceThresholds: "95, 80, 80",
    maxSupportContacts: "4",
    regularNotifyCount: "2",
    urgentNotifyCount: "3",
  };
  for (const g of ["withBank", "withoutBank"] as const)
    for (const u of URGENCIES)
      for (const c of CHANNELS) {
        f[ruleField(g, u, c, "increment")] = String(DEFAULT_CHARGING_RULES[g][u][c].incrementMinutes);
        f[ruleField(g, u, c, "minimum")] = String(DEFAULT_CHARGING_RULES[g][u][c].minimumMinutes);
      }
  return { ...f, ...overrides };
}

const fieldsOf = (values: Record<string, string>) => {
  const r = ZUpdateSupportSettingsInput.safeParse(values);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), (i as { params?: { code?: string } }).params?.code ?? i.code]));
};

describe("support desk settings form", () => {
  it("turns the flat form into the stored rules, addresses lower-cased, thresholds sorted and unique", () => {
    const v = ZUpdateSupportSettingsInput.parse(form());
    expect(v.chargingRules).toEqual({ ...DEFAULT_CHARGING_RULES, travel: { freeRadiusKm: 25, chargeTime: true, chargeDistance: false, ratePerKmMinor: 55 } });
    expect(v).toMatchObject({ regularAddress: "support@example.com", holidayCountry: "CA", holidayRegion: "QC", lowBalanceThresholds: [80, 95] });
    expect(chargingRulesFrom(JSON.parse(JSON.stringify(v.chargingRules)))).toEqual(v.chargingRules);
  });

  it("names each bad field: increments, time zone, same addresses, thresholds, a region without country, NUL bytes", () => {
    expect(fieldsOf(form({ [ruleField("withBank", "URGENT", "ON_SITE", "increment")]: "0" }))).toEqual({ withBank_URGENT_ON_SITE_increment: "OUT_OF_RANGE" });
    expect(fieldsOf(form({ [ruleField("withoutBank", "REGULAR", "PHONE", "minimum")]: "1.5" }))).toEqual({ withoutBank_REGULAR_PHONE_minimum: "NOT_A_WHOLE_NUMBER" });
    expect(fieldsOf(form({ timeZone: "Mars/Olympus" }))).toEqual({ timeZone: "NOT_A_TIME_ZONE" });
    expect(fieldsOf(form({ urgentAddress: "SUPPORT@example.com" }))).toEqual({ urgentAddress: "SAME_ADDRESS" });
    expect(fieldsOf(form({ lowBalanceThresholds: "80, 120" }))).toEqual({ lowBalanceThresholds: "OUT_OF_RANGE" });
    expect(fieldsOf(form({ lowBalanceThresholds: "eighty" }))).toEqual({ lowBalanceThresholds: "NOT_A_PERCENT_LIST" });
    expect(fieldsOf(form({ holidayCountry: "", holidayRegion: "QC" }))).toEqual({ holidayRegion: "REGION_WITHOUT_COUNTRY" });
    expect(fieldsOf(form({ regularAddress: "a\u0000@example.com" }))).toMatchObject({ regularAddress: "NUL_BYTE" });
  });

  it("falls back to the sources' rules when nothing (or something unreadable) is stored", () => {
    expect(chargingRulesFrom({})).toEqual(DEFAULT_CHARGING_RULES);
    expect(chargingRulesFrom({ withBank: "nope" })).toEqual(DEFAULT_CHARGING_RULES);
  });
});
