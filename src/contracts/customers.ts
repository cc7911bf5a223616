import { z } from "zod";
import { isValidTimeZone } from "@/domain/billing/calendar-date";
import { LOCALES } from "@/domain/i18n/locales";
import { ZCurrency } from "./billing";
import { ZEmail } from "./auth";

const address = {
  addressLine1: z.string().trim().max(200).default(""),
  addressLine2: z.string().trim().max(200).default(""),
  postalCode: z.string().trim().max(20).default(""),
  city: z.string().trim().max(100).default(""),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code").default("FR"),
};

export const ZCreateCustomerInput = z.strictObject({
  legalName: z.string().trim().min(1).max(200),
  billingEmail: ZEmail,
  ...address,
  taxId: z.string().trim().max(40).nullable().default(null),
  currency: ZCurrency.default("EUR"),
  locale: z.enum(LOCALES).default("fr"),
  timeZone: z.string().refine((v): boolean => isValidTimeZone(v), "must be an IANA time zone").default("Europe/Paris"),
  groupId: z.string().uuid().nullable().default(null),
});

/** Any subset of the fields; the currency cannot change once the customer exists (ledger in that currency). */
export const ZUpdateCustomerInput = ZCreateCustomerInput.omit({ currency: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "nothing to update");

export const ZCreateSiteInput = z.strictObject({ name: z.string().trim().min(1).max(120), ...address });

export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;
export type TUpdateCustomerInput = z.infer<typeof ZUpdateCustomerInput>;
export type TCreateSiteInput = z.infer<typeof ZCreateSiteInput>;
