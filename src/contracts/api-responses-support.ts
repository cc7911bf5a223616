import { z } from "zod";
import { named, page, ZCurrencyCode, ZDate, ZId, ZMinor, ZTimestamp } from "./api-response-parts";

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

/** Hour banks and time entries (issue 18). */
export const ZApiHourBank = named(
  z.object({
    id: ZId,
    customerId: ZId,
    productId: ZId,
    hours: z.number().int(),
    rateMinor: ZMinor.describe("The hourly rate of the tier the purchase reached"),
    totalMinor: ZMinor,
    currency: ZCurrencyCode,
    invoiceId: ZId.describe("The invoice of the purchase (NET 30)"),
    invoiceNumber: z.string().nullable(),
    purchasedAt: ZTimestamp,
    usedMinutes: z.number().int().describe("Minutes drawn from this bank so far (oldest bank first)"),
    remainingMinutes: z.number().int(),
  }),
  "HourBank",
  "Prepaid support hours: never expiring, consumed oldest purchase first",
);
export const ZApiHourBankPage = page(ZApiHourBank, "HourBankPage", "hour banks");

export const ZApiTimeEntry = named(
  z.object({
    id: ZId,
    customerId: ZId,
    ticketId: ZId,
    ticketReference: z.string(),
    technicianId: ZId,
    workDate: ZDate,
    actualMinutes: z.number().int(),
    urgency: ZUrgency,
    channel: z.enum(["PHONE", "ON_SITE"]),
    activity: z.enum(["SUPPORT", "MAINTENANCE", "TRAINING", "CHANGE_REQUEST"]),
    travelKm: z.number().int(),
    travelMinutes: z.number().int(),
    note: z.string(),
    chargedMinutes: z.number().int().describe("The time charged: rounded up to the rule's increment, at least its minimum"),
    bankMinutes: z.number().int().describe("The part drawn from the customer's banks"),
    billableMinutes: z.number().int().describe("The part billed at the hourly rate on the next support invoice"),
    travelChargedMinutes: z.number().int(),
    travelDistanceMinor: ZMinor,
    billedInvoiceId: ZId.nullable().describe("The invoice that billed its billable part, once billed"),
    createdAt: ZTimestamp,
  }),
  "TimeEntry",
  "Time a technician spent on a ticket, what it was charged and how it was paid",
);
export const ZApiTimeEntryPage = page(ZApiTimeEntry, "TimeEntryPage", "time entries");
