import { z } from "zod";
import { isValidTimeZone } from "@/domain/billing/calendar-date";
import { LOCALES } from "@/domain/i18n/locales";
import { ZCurrency } from "./billing";
import { ZEmail } from "./auth";

/**
 * The fields of a customer, without defaults: an update must never fill in a field it did not name
 * (a PATCH of the name alone once reset the address, country, tax ID, locale and time zone).
 */
const addressFields = {
  addressLine1: z.string().trim().max(200),
  addressLine2: z.string().trim().max(200),
  postalCode: z.string().trim().max(20),
  city: z.string().trim().max(100),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code"),
};
const customerFields = {
  legalName: z.string().trim().min(1).max(200),
  billingEmail: ZEmail,
  ...addressFields,
  taxId: z.string().trim().max(40).nullable(),
  currency: ZCurrency,
  locale: z.enum(LOCALES),
  timeZone: z.string().refine((v): boolean => isValidTimeZone(v), "must be an IANA time zone"),
  groupId: z.string().uuid().nullable(),
};

/** Defaults belong to creation only. */
const address = {
  addressLine1: addressFields.addressLine1.default(""),
  addressLine2: addressFields.addressLine2.default(""),
  postalCode: addressFields.postalCode.default(""),
  city: addressFields.city.default(""),
  country: addressFields.country.default("FR"),
};

export const ZCreateCustomerInput = z.strictObject({
  ...customerFields,
  ...address,
  taxId: customerFields.taxId.default(null),
  currency: customerFields.currency.default("EUR"),
  locale: customerFields.locale.default("fr"),
  timeZone: customerFields.timeZone.default("Europe/Paris"),
  groupId: customerFields.groupId.default(null),
});

/** Any non-empty subset of the fields, with no defaults; the currency cannot change (the ledger is in it). */
const { currency: _currency, ...updatableFields } = customerFields;
export const ZUpdateCustomerInput = z
  .strictObject(updatableFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "nothing to update: send at least one field");

export const ZCreateSiteInput = z.strictObject({ name: z.string().trim().min(1).max(120), ...address });

export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;
export type TUpdateCustomerInput = z.infer<typeof ZUpdateCustomerInput>;
export type TCreateSiteInput = z.infer<typeof ZCreateSiteInput>;
