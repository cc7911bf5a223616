import { z } from "zod";
import { URGENCIES } from "@/domain/support/charging-rules";
import { SURVEY_COMMENT_MAX_LENGTH, TICKET_BODY_MAX_LENGTH, TICKET_SUBJECT_MAX_LENGTH } from "@/domain/support/ticket-rules";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";

// Support tickets (issue 18): every input of the portal, back-office and survey forms.
const noNul = (v: string) => !v.includes("\u0000");
const ZSubject = z.string().trim().min(1).max(TICKET_SUBJECT_MAX_LENGTH).refine(noNul, NUL_BYTE_MESSAGE);
const ZBody = z.string().trim().min(1).max(TICKET_BODY_MAX_LENGTH).refine(noNul, NUL_BYTE_MESSAGE);

/** A customer user opens a ticket in the portal. */
export const ZOpenPortalTicketInput = z.strictObject({
  subject: ZSubject,
  urgency: z.enum(URGENCIES),
  body: ZBody,
});
export type TOpenPortalTicketInput = z.infer<typeof ZOpenPortalTicketInput>;

/**
 * Staff open a ticket for a phone call: the caller is one of the company's users, or only an e-mail
 * address (someone without a portal account). One of the two, never both.
 */
export const ZOpenStaffTicketInput = z
  .strictObject({
    customerId: z.string().uuid(),
    requesterId: z.union([z.literal(""), z.string().uuid()]).transform((v) => v || null),
    requesterEmail: z
      .string()
      .trim()
      .max(254)
      .refine(noNul, NUL_BYTE_MESSAGE)
      .transform((v) => v.toLowerCase())
      .pipe(z.union([z.literal(""), z.email()]))
      .transform((v) => v || null),
    urgency: z.enum(URGENCIES),
    subject: ZSubject,
    body: ZBody,
  })
  .superRefine((v, ctx) => {
    if (!v.requesterId && !v.requesterEmail) ctx.addIssue({ code: "custom", path: ["requesterEmail"], message: "who called", params: { code: "REQUESTER_REQUIRED" } });
    if (v.requesterId && v.requesterEmail) ctx.addIssue({ code: "custom", path: ["requesterEmail"], message: "one requester", params: { code: "REQUESTER_TWICE" } });
  });
export type TOpenStaffTicketInput = z.infer<typeof ZOpenStaffTicketInput>;

export const ZTicketReplyInput = z.strictObject({
  ticketId: z.string().uuid(),
  body: ZBody,
});
export type TTicketReplyInput = z.infer<typeof ZTicketReplyInput>;

export const ZAssignTicketInput = z.strictObject({
  ticketId: z.string().uuid(),
  /** Empty: nobody. */
  assigneeId: z.union([z.literal(""), z.string().uuid()]).transform((v) => v || null),
});

export const ZTicketIdInput = z.strictObject({ ticketId: z.string().uuid() });

/** The staff queue's filters, kept in the URL; anything else reads as the default. */
export const TICKET_STATUS_FILTERS = ["open", "closed", "all"] as const;
export const TICKET_URGENCY_FILTERS = ["all", "REGULAR", "URGENT"] as const;
export const ZTicketQueueFilter = z.object({
  status: z.enum(TICKET_STATUS_FILTERS).catch("open"),
  urgency: z.enum(TICKET_URGENCY_FILTERS).catch("all"),
});
export type TTicketQueueFilter = z.infer<typeof ZTicketQueueFilter>;

/** The survey link's secret: 256 bits, base64url (43 characters). */
export const ZSurveyToken = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);
/** `?score=` of a survey link: a whole 1-5, else nothing is recorded. */
export const ZSurveyScoreParam = z.coerce.number().int().min(1).max(5);

export const ZSurveyCommentInput = z.strictObject({
  token: ZSurveyToken,
  comment: z.string().trim().max(SURVEY_COMMENT_MAX_LENGTH).refine(noNul, NUL_BYTE_MESSAGE),
});
