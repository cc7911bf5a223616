import { z } from "zod";
import { compactIban, isValidBic, isValidIban } from "@/domain/settings/bank-details";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";
import { ZEmail } from "./auth";

/**
 * Settings → Company. Every field arrives as form text; NUL bytes are refused everywhere because
 * PostgreSQL text cannot store them and they have no place in a printed document.
 */
const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number) => z.string().max(max).refine(noNul, NUL_BYTE_MESSAGE).transform((v) => v.trim());
/**
 * An optional field: empty means "not printed"; otherwise it must pass `check`. `code` names the
 * problem for the form (`fieldErrors.*`), `message` explains it to API clients.
 */
const optional = (max: number, check: (v: string) => boolean, message: string, code = "INVALID") =>
  text(max).refine((v) => v === "" || check(v), { message, params: { code } });
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

export const ZUpdateCompanySettingsInput = z.strictObject({
  legalName: text(200).refine((v) => v.length > 0, { message: "is required", params: { code: "REQUIRED" } }),
  address: text(500),
  country: text(2)
    .transform((v) => v.toUpperCase())
    .refine((v) => /^[A-Z]{2}$/.test(v), { message: "must be an ISO 3166 alpha-2 code", params: { code: "NOT_A_COUNTRY" } }),
  registrationNumber: text(40),
  vatNumber: optional(20, (v) => /^[A-Z]{2}[0-9A-Z+*.]{2,13}$/.test(v.replace(/\s/g, "").toUpperCase()), "must be a VAT number such as FR40123456789", "NOT_A_VAT_NUMBER"),
  email: optional(254, (v) => ZEmail.safeParse(v).success, "must be an e-mail address", "NOT_AN_EMAIL"),
  phone: optional(30, (v) => /^\+?[0-9 ().-]{4,}$/.test(v), "must be a phone number", "NOT_A_PHONE"),
  iban: optional(42, isValidIban, "must be a valid IBAN (check digits)", "NOT_AN_IBAN").transform((v) => compactIban(v)),
  bic: optional(11, isValidBic, "must be a BIC of 8 or 11 characters", "NOT_A_BIC").transform((v) => v.toUpperCase()),
  accountNumber: optional(34, (v) => /^[0-9A-Za-z -]+$/.test(v), "must contain only digits, letters, spaces or dashes", "INVALID"),
  routingNumber: optional(20, (v) => /^[0-9 -]+$/.test(v), "must contain only digits", "INVALID"),
  paymentInstructions: text(1000),
  footerText: text(500),
  paymentTermsDays: z.coerce.number().int("must be a whole number of days").min(0).max(365),
  /** A yearly percentage such as "10.15" or "10,15"; empty prints no penalty rate. */
  latePenaltyRate: optional(7, (v) => /^\d{1,3}([.,]\d{1,2})?$/.test(v), "must be a percentage such as 10.15", "NOT_A_PERCENTAGE").transform((v) =>
    v === "" ? null : Math.round(Number(v.replace(",", ".")) * 100),
  ),
  recoveryIndemnity: checkbox,
  legalMentions: text(2000),
  removeLogo: checkbox,
});

export type TUpdateCompanySettingsInput = z.infer<typeof ZUpdateCompanySettingsInput>;

/** What the settings form and the documents receive. The logo travels apart, as a URL or bytes. */
export interface CompanySettingsDto {
  legalName: string;
  address: string;
  country: string;
  registrationNumber: string;
  vatNumber: string;
  email: string;
  phone: string;
  iban: string;
  bic: string;
  accountNumber: string;
  routingNumber: string;
  paymentInstructions: string;
  footerText: string;
  paymentTermsDays: number;
  latePenaltyRateBp: number | null;
  recoveryIndemnity: boolean;
  legalMentions: string;
  hasLogo: boolean;
  updatedAt: string;
}
