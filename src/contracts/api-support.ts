import { z } from "zod";
import { URGENCIES } from "@/domain/support/charging-rules";
import { TICKET_BODY_MAX_LENGTH, TICKET_SUBJECT_MAX_LENGTH } from "@/domain/support/ticket-rules";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";
import { ZPageQuery } from "./api";
import { MAX_BANK_HOURS, MAX_ENTRY_MINUTES, type TBuyHourBankInput, ZBuyHourBankInput, ZLogTimeEntryInput } from "./support-banks";
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

export const ZHourBankApiListQuery = ZPageQuery.extend({ customerId: z.uuid().optional() });
export const ZTimeEntryApiListQuery = ZPageQuery.extend({ customerId: z.uuid().optional(), ticketId: z.uuid().optional() });

/** Hours sold through the API; `purchaseKey` (or the Idempotency-Key header) makes a retry buy once. */
export const ZApiBuyHourBankInput = ZBuyHourBankInput.extend({
  hours: z.number().int().min(1).max(MAX_BANK_HOURS).describe("Whole hours; the product's volume tiers in the customer's currency price them"),
  purchaseKey: ZBuyHourBankInput.shape.purchaseKey.optional().describe("Your key for this purchase: the same key again answers the first purchase"),
}).transform((v): TBuyHourBankInput => ({ ...v, purchaseKey: v.purchaseKey ?? `api-${crypto.randomUUID()}` }));

/** Time logged through the API: the technician is named (a token is nobody). */
export const ZApiLogTimeEntryInput = ZLogTimeEntryInput.extend({
  workDate: ZLogTimeEntryInput.shape.workDate.describe("The day of the work, YYYY-MM-DD, in the customer's time zone"),
  actualMinutes: z.number().int().min(1).max(MAX_ENTRY_MINUTES).describe("Time actually spent; the desk's rules round it up"),
  urgency: z.enum(URGENCIES).optional().describe("The ticket's urgency when left out"),
  travelKm: z.number().int().min(0).max(10_000).optional(),
  travelMinutes: z.number().int().min(0).max(MAX_ENTRY_MINUTES).optional(),
  technicianId: z.uuid().describe("The support staff member who did the work"),
});
