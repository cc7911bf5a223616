import { z } from "zod";
import { TIMELINE_KINDS } from "@/domain/timeline/timeline";
import { all, named, page, ZDate, ZId, ZTimestamp } from "./api-response-parts";

/** The API's answers about the automation: billing runs, their preview, and timelines (ADR 0014, 0017). */
/** A billing run: its day, its state and what it did so far (counts grow while it runs). */
export const ZApiBillingRun = named(
  z.object({
    id: ZId,
    asOf: ZDate,
    dryRun: z.boolean(),
    status: z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"]),
    counts: z.object({
      invoicesCreated: z.number().int(),
      linesCreated: z.number().int(),
      periodsStarted: z.number().int(),
      remindersSent: z.number().int(),
      suspensions: z.number().int(),
      terminations: z.number().int(),
      reinstatements: z.number().int().describe("Services the run brought back because their invoice was settled by a path that had not (a payment reinstates at once)"),
      cyclesLengthened: z.number().int(),
      errors: z.number().int(),
    }),
    errors: z.array(z.object({ customerId: ZId.nullable(), code: z.string() })).describe("Customers the run could not bill, retried by the next run"),
    progress: z
      .object({ customersTotal: z.number().int().nullable().describe("null until the run starts"), customersDone: z.number().int() })
      .describe("How far a running run has got"),
    createdAt: ZTimestamp,
    startedAt: ZTimestamp.nullable(),
    finishedAt: ZTimestamp.nullable(),
  }),
  "BillingRun",
  "A run of the daily billing",
);
const ZPreviewKind = z.enum(["ISSUE_RENEWAL", "START_PERIOD", "SEND_REMINDER", "SUSPEND", "SUSPEND_ALL", "TERMINATE"]);
const ZPreviewCounts = z.object({
  ISSUE_RENEWAL: z.number().int(),
  START_PERIOD: z.number().int(),
  SEND_REMINDER: z.number().int(),
  SUSPEND: z.number().int(),
  SUSPEND_ALL: z.number().int(),
  TERMINATE: z.number().int(),
});
export const ZApiBillingPreview = named(
  z.object({
    from: ZDate,
    to: ZDate,
    customersRead: z.number().int(),
    counts: ZPreviewCounts.describe("Every action due from `from` to `to`, by kind"),
    days: z.array(ZPreviewCounts.extend({ on: ZDate })).describe("The same per day; actions already overdue (missed runs) count on `from`"),
    customers: z
      .array(
        z.object({
          customerId: ZId,
          customerName: z.string(),
          actions: z.array(
            z.object({
              kind: ZPreviewKind,
              on: ZDate,
              subscriptionIds: z.array(ZId),
              subscriptions: z.array(z.string()).describe("The subscriptions' descriptions, in the order of subscriptionIds"),
              invoiceId: ZId.nullable().describe("The invoice a reminder or dunning step is about; null when it is yet to be issued"),
              invoiceNumber: z.string().nullable(),
            }),
          ),
        }),
      )
      .describe("The first 100 customers with something due, their actions in the order they would be applied"),
    errors: z.array(z.object({ customerId: ZId, customerName: z.string(), code: z.string() })),
  }),
  "BillingPreview",
  "What billing would do over the coming days, changing nothing",
);
export const ZApiBillingRunPage = page(ZApiBillingRun, "BillingRunPage", "billing runs, newest first");

/** One event of an invoice's or a subscription's timeline (ADR 0017 for the e-mail evidence). */
export const ZApiTimelineEntry = named(
  z.object({
    at: ZTimestamp,
    kind: z.enum(TIMELINE_KINDS),
    cause: z.string().describe('Why, in words: "billing run 2026-12-02", "payment TRANSFER 120.00 EUR", "manual", "e-mail opened"'),
    invoiceId: ZId.optional(),
    subscriptionId: ZId.optional(),
    emailId: ZId.optional().describe("The outbox e-mail an EMAILED, DELIVERED, OPENED or CLICKED event is about"),
    details: z.record(z.string(), z.unknown()).optional().describe("What the source row adds (amounts in minor units, periods, links), varying by kind"),
  }),
  "TimelineEntry",
  "One event of a timeline",
);
export const ZApiTimeline = all(ZApiTimelineEntry, "Timeline", "events, oldest first");
