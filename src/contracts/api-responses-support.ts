import { z } from "zod";
import { named, page, ZId, ZTimestamp } from "./api-response-parts";

/** Support tickets (issue 18). */
const ZUrgency = z.enum(["REGULAR", "URGENT"]);
export const ZApiTicket = named(
  z.object({
    id: ZId,
    reference: z.string().describe("T-<number>, what e-mails and the portal show"),
    customerId: ZId,
    subject: z.string(),
    urgency: ZUrgency,
    status: z.enum(["OPEN", "CLOSED"]),
    source: z.enum(["EMAIL", "PORTAL", "STAFF"]),
    requesterId: ZId.nullable(),
    requesterEmail: z.string(),
    assigneeId: ZId.nullable(),
    receivedAt: ZTimestamp.describe("When the request arrived: the SLA clock starts here"),
    responseDueAt: ZTimestamp.describe("The first-response deadline on the desk's business-hours calendar"),
    firstResponseAt: ZTimestamp.nullable(),
    responseMet: z.boolean().nullable().describe("Whether the first response came by the deadline; null while none came"),
    closedAt: ZTimestamp.nullable(),
  }),
  "Ticket",
  "A support request and its SLA clock",
);
export const ZApiTicketPage = page(ZApiTicket, "TicketPage", "tickets");
export const ZApiTicketWithMessages = named(
  ZApiTicket.extend({
    messages: z.array(
      z.object({
        id: ZId,
        authorKind: z.enum(["CUSTOMER", "STAFF"]),
        from: z.string().describe("The author's name, or the address the message came from"),
        body: z.string(),
        createdAt: ZTimestamp,
      }),
    ),
  }),
  "TicketWithMessages",
  "A ticket and its messages, oldest first",
);
