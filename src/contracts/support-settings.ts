import { z } from "zod";
import {
  CHANNELS,
  type ChargingRules,
  DEFAULT_CHARGING_RULES,
  URGENCIES,
} from "@/domain/support/charging-rules";

// The support desk's charging rules as stored (support_settings.charging_rules) and as edited: every
// increment a whole number of minutes (at least 1), every minimum a whole number (0 = none).

const ZRule = z.object({
  incrementMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  minimumMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});
const ZGrid = z.object(
  Object.fromEntries(
    URGENCIES.map((u) => [
      u,
      z.object(
        Object.fromEntries(CHANNELS.map((c) => [c, ZRule])) as Record<
          (typeof CHANNELS)[number],
          typeof ZRule
        >,
      ),
    ]),
  ) as Record<(typeof URGENCIES)[number], z.ZodObject<Record<(typeof CHANNELS)[number], typeof ZRule>>>,
);

export const ZChargingRules = z.object({
  withBank: ZGrid,
  withoutBank: ZGrid,
  travel: z.object({
    freeRadiusKm: z.number().int().min(0).max(10_000),
    chargeTime: z.boolean(),
    chargeDistance: z.boolean(),
    ratePerKmMinor: z.number().int().min(0).max(1_000_000),
  }),
});

/** The stored rules, or the sources' defaults when none were saved ({}) or the row no longer parses. */
export function chargingRulesFrom(stored: unknown): ChargingRules {
  const parsed = ZChargingRules.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_CHARGING_RULES;
}

const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number) => z.string().max(max).refine(noNul, { message: "must not contain NUL bytes", params: { code: "NUL_BYTE" } }).transform((v) => v.trim());
const whole = (min: number, max: number) =>
  text(6)
    .refine((v) => /^\d+$/.test(v), { message: "must be a whole number", params: { code: "NOT_A_WHOLE_NUMBER" } })
    .transform(Number)
    .refine((v) => v >= min && v <= max, { message: `must be between ${min} and ${max}`, params: { code: "OUT_OF_RANGE" } });
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);
const address = text(254).refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: "must be an e-mail address", params: { code: "NOT_AN_EMAIL" } });
const isTimeZone = (v: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: v });
    return v.length > 0;
  } catch {
    return false;
  }
};

/** The form's name of one charging rule field: `withBank.URGENT.ON_SITE.increment` → `withBank_URGENT_ON_SITE_increment`. */
export const ruleField = (grid: "withBank" | "withoutBank", urgency: string, channel: string, part: "increment" | "minimum") => `${grid}_${urgency}_${channel}_${part}`;

const ruleFields = Object.fromEntries(
  (["withBank", "withoutBank"] as const).flatMap((g) =>
    URGENCIES.flatMap((u) => CHANNELS.flatMap((c) => [[ruleField(g, u, c, "increment"), whole(1, 1440)] as const, [ruleField(g, u, c, "minimum"), whole(0, 1440)] as const])),
  ),
);

/**
 * Settings → Support desk, as the form sends it (flat text fields, so each error lands next to its
 * input), turned into the stored shape. Whether the holiday region exists is the use-case's check.
 */
export const ZUpdateSupportSettingsInput = z
  .strictObject({
    regularAddress: address,
    urgentAddress: address,
    timeZone: text(64).refine(isTimeZone, { message: "must be a time zone such as America/Toronto", params: { code: "NOT_A_TIME_ZONE" } }),
    holidayCountry: text(2)
      .transform((v) => v.toUpperCase())
      .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), { message: "must be an ISO 3166 alpha-2 code such as CA", params: { code: "NOT_A_COUNTRY" } }),
    holidayRegion: text(10).transform((v) => v.toUpperCase()),
    ...ruleFields,
    travelFreeRadiusKm: whole(0, 10_000),
    travelChargeTime: checkbox,
    travelChargeDistance: checkbox,
    /** Per km beyond the radius, in the currency's units ("0.55"). */
    travelRatePerKm: text(10)
      .refine((v) => /^\d{1,6}([.,]\d{1,2})?$/.test(v), { message: "must be an amount such as 0.55", params: { code: "NOT_AN_AMOUNT" } })
      .transform((v) => Math.round(Number(v.replace(",", ".")) * 100)),
    lowBalanceThresholds: text(40)
      .refine((v) => /^\d{1,3}(\s*[,;]\s*\d{1,3})*$/.test(v), { message: "list percentages separated by commas", params: { code: "NOT_A_PERCENT_LIST" } })
      .transform((v) => [...new Set(v.split(/[,;]/).map((p) => Number(p.trim())))].sort((a, b) => a - b))
      .refine((v) => v.length <= 5 && v.every((p) => p >= 1 && p <= 100), { message: "at most 5 percentages between 1 and 100", params: { code: "OUT_OF_RANGE" } }),
    maxSupportContacts: whole(1, 50),
    regularNotifyCount: whole(0, 20),
    urgentNotifyCount: whole(0, 20),
  })
  .superRefine((v, ctx) => {
    if (v.regularAddress.toLowerCase() === v.urgentAddress.toLowerCase()) ctx.addIssue({ code: "custom", path: ["urgentAddress"], message: "must differ from the regular address", params: { code: "SAME_ADDRESS" } });
    if (v.holidayRegion !== "" && v.holidayCountry === "") ctx.addIssue({ code: "custom", path: ["holidayRegion"], message: "a region needs a country", params: { code: "REGION_WITHOUT_COUNTRY" } });
  })
  .transform((v) => {
    const grid = (g: "withBank" | "withoutBank") =>
      Object.fromEntries(
        URGENCIES.map((u) => [
          u,
          Object.fromEntries(
            CHANNELS.map((c) => [c, { incrementMinutes: (v as Record<string, unknown>)[ruleField(g, u, c, "increment")] as number, minimumMinutes: (v as Record<string, unknown>)[ruleField(g, u, c, "minimum")] as number }]),
          ),
        ]),
      ) as ChargingRules["withBank"];
    return {
      regularAddress: v.regularAddress.toLowerCase(),
      urgentAddress: v.urgentAddress.toLowerCase(),
      timeZone: v.timeZone,
      holidayCountry: v.holidayCountry || null,
      holidayRegion: v.holidayRegion || null,
      chargingRules: { withBank: grid("withBank"), withoutBank: grid("withoutBank"), travel: { freeRadiusKm: v.travelFreeRadiusKm, chargeTime: v.travelChargeTime, chargeDistance: v.travelChargeDistance, ratePerKmMinor: v.travelRatePerKm } } satisfies ChargingRules,
      lowBalanceThresholds: v.lowBalanceThresholds,
      maxSupportContacts: v.maxSupportContacts,
      regularNotifyCount: v.regularNotifyCount,
      urgentNotifyCount: v.urgentNotifyCount,
    };
  });

export type TUpdateSupportSettingsInput = z.infer<typeof ZUpdateSupportSettingsInput>;

/** What the settings form shows. */
export interface SupportSettingsDto {
  regularAddress: string;
  urgentAddress: string;
  timeZone: string;
  holidayCountry: string | null;
  holidayRegion: string | null;
  chargingRules: ChargingRules;
  lowBalanceThresholds: number[];
  maxSupportContacts: number;
  regularNotifyCount: number;
  urgentNotifyCount: number;
}
