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
