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

/** A whole number of days as typed in a form ("15"); anything else says so on its field. */
const typedDays = z
  .string()
  .trim()
  .refine((v) => /^\d{1,4}$/.test(v), { message: "must be a whole number of days", params: { code: "NOT_A_WHOLE_NUMBER" } })
  .transform(Number);
const typedCheckbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

/**
 * The group's "Billing" tab as typed: reminders as one field ("10, 5, 1", empty for none). Every
 * problem of a reminder lands on that one field (`reminderDaysBeforeDue`), the others on their own.
 */
export const ZDunningPolicyForm = z
  .object({
    renewalLeadDays: typedDays,
    reminderDaysBeforeDue: z
      .string()
      .trim()
      .refine((v) => /^(\d{1,4}(\s*[,;]\s*\d{1,4})*)?$/.test(v), { message: "list whole numbers of days separated by commas", params: { code: "NOT_A_DAY_LIST" } })
      .transform((v) => (v === "" ? [] : v.split(/\s*[,;]\s*/).map(Number))),
    suspendAfterDays: typedDays,
    suspendAllAfterBusinessDays: typedDays,
    terminateAfterDays: typedDays,
    lengthenCycleAfterReinstatement: typedCheckbox,
    holidayCountry: z.string().trim().transform((v): string | null => v),
    holidayRegion: z.string().trim().transform((v): string | null => v),
    manualStatusChanges: typedCheckbox,
  })
  .transform(({ manualStatusChanges, ...policy }) => ({ policy, manualStatusChanges }))
  .pipe(z.object({ policy: ZDunningPolicyInput, manualStatusChanges: z.boolean() }));

export const ZCreateCustomerGroupForm = z.object({
  name: z.string().trim().min(1).max(120),
});
