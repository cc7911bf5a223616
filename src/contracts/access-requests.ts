import { z } from "zod";
import type { AccessRequestStatus } from "@/domain/access-requests/access-request-status";
import type { TabCompleteness } from "@/domain/access-requests/access-request-steps";
import { ANSWER_MAX, COMPANY_NAME_MAX, CONTACT_NAME_MAX, PHONE_MAX } from "@/domain/access-requests/access-request-steps";
import { REJECTION_REASON_MAX } from "@/domain/access-requests/access-request-status";

/**
 * Forms of the public access request. Shapes and lengths only: whether a tab's values are
 * acceptable (e-mail, phone, tax ID in the group's format, required answers) is the domain's
 * rule (access-request-steps.ts), so the use-case applies it whatever the caller.
 */
const text = (max: number) => z.string().max(max + 50).default("");
export const ZAccessSlug = z.string().trim().min(1).max(80).regex(/^[a-z0-9-]+$/);
export const ZResumeToken = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);
/** The hidden field a person never sees; a robot filling every input fills it. */
export const HONEYPOT_FIELD = "website";

export const ZStartAccessRequestForm = z.object({
  slug: ZAccessSlug,
  acceptTerms: z.string().max(10).optional(),
  [HONEYPOT_FIELD]: z.string().max(500).default(""),
});

export const ZAccessTermsStep = z.object({ step: z.literal("terms"), acceptTerms: z.string().max(10).optional() });
export const ZAccessContactStep = z.object({
  step: z.literal("contact"),
  contactName: text(CONTACT_NAME_MAX),
  contactEmail: text(254),
  contactPhone: text(PHONE_MAX),
  [HONEYPOT_FIELD]: z.string().max(500).default(""),
});
export const ZAccessCompanyStep = z.object({ step: z.literal("company"), companyName: text(COMPANY_NAME_MAX), taxId: text(60) });
export const ZAccessQuestionsStep = z.object({ step: z.literal("questions"), answers: z.record(z.string().max(64), z.string().max(ANSWER_MAX + 50)) });
export const ZAccessRequestStep = z.discriminatedUnion("step", [ZAccessTermsStep, ZAccessContactStep, ZAccessCompanyStep, ZAccessQuestionsStep]);
export type TAccessRequestStep = z.infer<typeof ZAccessRequestStep>;

export const ZRejectAccessRequestForm = z.object({ id: z.string().uuid(), reason: z.string().trim().min(1).max(REJECTION_REASON_MAX) });
export const ZApproveAccessRequestForm = z.object({ id: z.string().uuid() });

/** What the start page shows: the group's terms message and its current terms. */
export interface AccessStartDto {
  slug: string;
  portalEnabled: boolean;
  termsMessage: string | null;
  termsVersion: number | null;
  termsText: string | null;
}

export interface AccessQuestionDto {
  id: string;
  label: string;
  required: boolean;
}

/** A request as its representative sees it on the resume page (never another request's data). */
export interface AccessRequestDraftDto {
  status: AccessRequestStatus;
  portalEnabled: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  companyName: string;
  /** In the group's format, as typed. */
  taxId: string;
  taxIdPattern: string | null;
  answers: Record<string, string>;
  questions: AccessQuestionDto[];
  tabs: TabCompleteness;
  complete: boolean;
  messages: Record<"terms" | "contact" | "company" | "questions" | "statusIncomplete" | "statusComplete", string | null>;
  termsVersion: number | null;
  termsText: string | null;
  emailHelpUrl: string | null;
}

export interface AccessRequestListItemDto {
  id: string;
  companyName: string;
  taxId: string;
  contactName: string;
  contactEmail: string;
  groupName: string;
  submittedAt: string | null;
  matchedCustomer: { id: string; legalName: string } | null;
}

export interface AccessRequestDetailDto extends AccessRequestListItemDto {
  status: AccessRequestStatus;
  contactPhone: string;
  answers: { question: string; answer: string }[];
  termsAccepted: { version: number; acceptedAt: string } | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  approvedCustomer: { id: string; legalName: string } | null;
}
