import { z } from "zod";
import { URGENCIES } from "@/domain/support/charging-rules";
import { TICKET_BODY_MAX_LENGTH, TICKET_SUBJECT_MAX_LENGTH } from "@/domain/support/ticket-rules";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";
import { ZPageQuery } from "./api";
import type { TOpenStaffTicketInput } from "./support-tickets";

// /api/v1 requests of the support desk (issue 18): tickets, hour banks, time entries.
const noNul = (v: string) => !v.includes("\u0000");

export const ZTicketApiListQuery = ZPageQuery.extend({
  customerId: z.uuid().optional(),
  status: z.enum(["OPEN", "CLOSED"]).optional(),
});

/** A ticket opened through the API (a phone system, another help desk): one requester, a user of the company or an address. */
export const ZApiOpenTicketInput = z
  .strictObject({
    customerId: z.uuid(),
    requesterId: z.uuid().optional().describe("A portal user of the customer who asked"),
    requesterEmail: z.email().max(254).optional().describe("Or the address of someone without a portal account"),
    urgency: z.enum(URGENCIES).describe("REGULAR: a response within 4 business hours; URGENT: within 1"),
    subject: z.string().trim().min(1).max(TICKET_SUBJECT_MAX_LENGTH).refine(noNul, NUL_BYTE_MESSAGE),
    body: z.string().trim().min(1).max(TICKET_BODY_MAX_LENGTH).refine(noNul, NUL_BYTE_MESSAGE).describe("What the customer asked"),
  })
  .superRefine((v, ctx) => {
    if (!v.requesterId === !v.requesterEmail) ctx.addIssue({ code: "custom", path: ["requesterEmail"], message: "send exactly one of requesterId and requesterEmail" });
  })
  .transform(
    (v): TOpenStaffTicketInput => ({
      customerId: v.customerId,
      requesterId: v.requesterId ?? null,
      requesterEmail: v.requesterEmail?.toLowerCase() ?? null,
      urgency: v.urgency,
      subject: v.subject,
      body: v.body,
    }),
  );
