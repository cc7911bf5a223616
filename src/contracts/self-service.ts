import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/domain/auth/password-policy";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { SubscriptionStatusName } from "@/domain/billing/subscription-state";
import { COUNTRY_CODES } from "@/domain/i18n/countries";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";
import { ZEmail } from "./auth";

/** Inputs and views of the portal's self-service (issue 17): profile, password, billing e-mail, company, sites. */

/** Trimmed, bounded text that PostgreSQL can store (no NUL byte). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !v.includes("\u0000"), NUL_BYTE_MESSAGE);

/** A phone number as people write it: digits, spaces and + ( ) . - / only; empty clears it. */
const phone = text(40).refine((v) => v === "" || /^\+?[0-9 ()./-]{4,40}$/.test(v), { message: "not a phone number", params: { code: "NOT_A_PHONE" } });

export const ZUpdateProfileInput = z.strictObject({
  name: text(120).pipe(z.string().min(1)),
  phone,
});

export const ZChangePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH + 1),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH + 1),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "the two passwords differ", params: { code: "PASSWORDS_DIFFER" } });

export const ZRequestBillingEmailChangeInput = z.strictObject({ billingEmail: ZEmail });

export const ZConfirmBillingEmailInput = z.strictObject({ token: z.string().min(20).max(200) });

/** What a company's owner may change; the legal name and tax ID stay with billing staff. */
export const ZUpdateCompanyInfoInput = z.strictObject({
  addressLine1: text(200),
  addressLine2: text(200),
  postalCode: text(20),
  city: text(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => COUNTRY_CODES.includes(v), { message: "must be an ISO 3166 alpha-2 code", params: { code: "NOT_A_COUNTRY" } }),
  phone,
});

export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
export type TUpdateCompanyInfoInput = z.infer<typeof ZUpdateCompanyInfoInput>;

/** The company as its users see it on the settings page. */
export interface CompanyInfoDto {
  legalName: string;
  taxId: string | null;
  billingEmail: string;
  /** Only shown to the owner who may confirm it; null for members. */
  pendingBillingEmail: string | null;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
}

export interface SiteSubscriptionDto {
  id: string;
  description: string;
  status: SubscriptionStatusName;
  /** The end of the current period of a live (active or suspended) subscription, "YYYY-MM-DD"; null once ended. */
  nextRenewal: CalendarDate | null;
}

/** A site with its subscriptions; `site: null` is the group of subscriptions attached to no site. */
export interface SiteWithSubscriptionsDto {
  site: { id: string; name: string; addressLines: string[] } | null;
  subscriptions: SiteSubscriptionDto[];
}
