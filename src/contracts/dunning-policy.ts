import { z } from "zod";
import {
  type DunningPolicy,
  dunningPolicyProblems,
  type PolicyProblemCode,
} from "@/domain/billing/dunning-policy";

/** What each domain problem says to an API client; the form shows `params.code` in the reader's language. */
const MESSAGES: Record<PolicyProblemCode, string> = {
  NOT_A_WHOLE_NUMBER: "must be a whole number of days",
  OUT_OF_RANGE: "is out of range",
  TOO_MANY_REMINDERS: "at most 10 reminders",
  DUPLICATE_REMINDER: "the same reminder is listed twice",
  REMINDER_NOT_BEFORE_DUE: "a reminder comes at least one day before the due date",
  REMINDER_BEFORE_INVOICE:
    "a reminder must come after the invoice is issued (fewer days before due than the lead days)",
  TERMINATE_NOT_AFTER_SUSPEND: "termination must come after suspension",
  NOT_A_COUNTRY: "must be an ISO 3166 alpha-2 code such as FR",
  REGION_WITHOUT_COUNTRY: "a region needs a country",
  NOT_A_REGION: "must be a region code such as 57 or NY",
};

const days = z.number().int("must be a whole number of days");
const code = (max: number) => z.string().trim().max(max).nullable();

/**
 * A customer group's renewal and dunning policy (the group's "Billing" tab and the API). Field
 * shapes are checked here; coherence (reminders between issue and due date, termination after
 * suspension...) by the domain's `dunningPolicyProblems`, whose codes land on their fields.
 */
export const ZDunningPolicyInput = z
  .strictObject({
    renewalLeadDays: days,
    reminderDaysBeforeDue: z.array(days).max(50),
    suspendAfterDays: days,
    suspendAllAfterBusinessDays: days,
    terminateAfterDays: days,
    lengthenCycleAfterReinstatement: z.boolean(),
    holidayCountry: code(2).transform((v) => (v === "" || v === null ? null : v.toUpperCase())),
    holidayRegion: code(10).transform((v) => (v === "" || v === null ? null : v.toUpperCase())),
  })
  .superRefine((policy, ctx) => {
    for (const problem of dunningPolicyProblems(policy)) {
      ctx.addIssue({
        code: "custom",
        path: problem.path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        message: MESSAGES[problem.code],
        params: { code: problem.code },
      });
    }
  })
  .transform(
    (policy): DunningPolicy => ({
      ...policy,
      reminderDaysBeforeDue: [...policy.reminderDaysBeforeDue].sort((a, b) => b - a),
    }),
  );

export type TDunningPolicyInput = z.input<typeof ZDunningPolicyInput>;
