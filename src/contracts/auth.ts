import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/domain/auth/password-policy";
import { CUSTOMER_ROLES } from "@/domain/auth/roles";
import { LOCALES } from "@/domain/i18n/locales";

/** Input contracts of the sign-in, invitation and password screens (shared by actions and tests). */
export const ZEmail = z.string().trim().toLowerCase().email().max(254);
const ZToken = z.string().min(20).max(200);
const ZPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH + 1);

export const ZRequestPasswordResetInput = z.strictObject({ email: ZEmail });

export const ZResetPasswordInput = z
  .strictObject({ token: ZToken, password: ZPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "the two passwords differ", params: { code: "PASSWORDS_DIFFER" } });

export const ZAcceptInvitationInput = z
  .strictObject({ token: ZToken, name: z.string().trim().min(1).max(120), password: ZPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "the two passwords differ", params: { code: "PASSWORDS_DIFFER" } });

export const ZInviteCustomerUserInput = z.strictObject({
  customerId: z.string().uuid(),
  email: ZEmail,
  role: z.enum(CUSTOMER_ROLES),
  locale: z.enum(LOCALES),
});

export const ZInvitationRef = z.strictObject({ customerId: z.string().uuid(), invitationId: z.string().uuid() });

export const ZChangeLocaleInput = z.strictObject({ locale: z.enum(LOCALES) });

export type TInviteCustomerUserInput = z.infer<typeof ZInviteCustomerUserInput>;

/** A code from an authenticator app, or a recovery code (the use-case tells which). */
export const ZSecondFactorCodeInput = z.strictObject({ code: z.string().trim().min(6).max(20) });

/** What the staff security page shows about the reader's two-factor authentication. */
export interface SecurityOverviewDto {
  status: "off" | "pending" | "on";
  /** Admins must have it on. */
  required: boolean;
  /** While enrolment is pending: the secret to type in, and the QR code (an SVG data URL) to scan. */
  secret: string | null;
  qrCode: string | null;
  unusedRecoveryCodes: number;
}
