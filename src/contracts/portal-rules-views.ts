import type { TaxIdFormat } from "@/domain/customers/tax-id";
import type { AccessQuestion } from "@/domain/portal-rules/access-questions";
import type { LocalisedText, PortalMessages } from "@/domain/portal-rules/portal-messages";

/** The current terms of a group: the latest published version. */
export interface TermsVersionDto {
  id: string;
  version: number;
  body: LocalisedText;
  publishedAt: Date;
}

/** A customer group's portal rules, as the portal, the access request and the back-office read them. */
export interface PortalRulesDto {
  groupId: string;
  groupName: string;
  portalEnabled: boolean;
  taxIdFormat: TaxIdFormat;
  emailHelpUrl: string | null;
  messages: PortalMessages;
  questions: AccessQuestion[];
  maxContacts: number | null;
  accessSlug: string | null;
  currentTerms: TermsVersionDto | null;
}

/** One published version with how many people accepted it (back-office list). */
export interface TermsVersionSummaryDto {
  id: string;
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  acceptedCount: number;
}

/** Who accepted which version and when (back-office table). */
export interface TermsAcceptanceDto {
  version: number;
  acceptedAt: Date;
  who: string;
  company: string | null;
  clientAddress: string | null;
}

/** A customer as listed on its group's page. */
export interface GroupMemberDto {
  id: string;
  legalName: string;
  billingEmail: string;
}
