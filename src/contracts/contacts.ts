import { z } from "zod";
import { ZEmail } from "@/contracts/auth";
import { LOCALES } from "@/domain/i18n/locales";

export const CONTACT_ACTIONS = ["disable", "enable", "remove", "makeOwner", "authoriseSupport", "revokeSupport"] as const;

/** A change to one contact, from the company's own team page (the company is the caller's). */
export const ZContactChange = z.strictObject({
  userId: z.string().uuid(),
  action: z.enum(CONTACT_ACTIONS),
});

/** The same from the back-office, which names the company. */
export const ZStaffContactChange = ZContactChange.extend({ customerId: z.string().uuid() });

/** The owner invites a secondary representative into their own company. */
export const ZInviteColleague = z.strictObject({
  email: ZEmail,
  locale: z.enum(LOCALES),
});

/** One contact as the team tables show it. */
export interface ContactView {
  id: string;
  name: string;
  email: string;
  role: "OWNER" | "MEMBER";
  disabled: boolean;
  /** An authorised support contact (issue 18). */
  supportContact: boolean;
  createdAt: string;
}
