import { z } from "zod";
import { parseMoney } from "@/domain/billing/money";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";
import { ACTIVITY_TYPES, CHANNELS, URGENCIES } from "@/domain/support/charging-rules";
import { ZCalendarDate, ZCurrency } from "./billing";

// Hour banks and time entries (issue 18): the inputs of the staff forms and the API, and the DTOs the
// staff and portal pages render. Minutes are whole numbers everywhere; money is in minor units.

const noNul = (v: string) => !v.includes("\u0000");
/** A whole number typed into a form ("12"), bounded. */
const wholeNumber = (min: number, max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => /^\d{1,7}$/.test(v), { message: "must be a whole number", params: { code: "WHOLE_NUMBER_REQUIRED" } })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** The largest bank one purchase may hold (10 000 h), and the longest entry (24 h of work in a day). */
export const MAX_BANK_HOURS = 10_000;
export const MAX_ENTRY_MINUTES = 24 * 60;

export const ZBuyHourBankInput = z.strictObject({
  customerId: z.string().uuid(),
  productId: z.string().uuid(),
  hours: wholeNumber(1, MAX_BANK_HOURS),
  /** Chosen by the form when it is shown: the same key twice buys once. */
  purchaseKey: z.string().trim().min(8).max(100).regex(/^[\w-]+$/),
});
export type TBuyHourBankInput = z.infer<typeof ZBuyHourBankInput>;

export const ZLogTimeEntryInput = z.strictObject({
  ticketId: z.string().uuid(),
  workDate: ZCalendarDate,
  actualMinutes: wholeNumber(1, MAX_ENTRY_MINUTES),
  /** Empty: the ticket's urgency. */
  urgency: z.union([z.enum(URGENCIES), z.literal("")]).optional(),
  channel: z.enum(CHANNELS),
  activity: z.enum(ACTIVITY_TYPES),
  travelKm: wholeNumber(0, 10_000).optional(),
  travelMinutes: wholeNumber(0, MAX_ENTRY_MINUTES).optional(),
  note: z.string().trim().max(2000).refine(noNul, NUL_BYTE_MESSAGE).optional(),
  /** Empty: the member of staff logging it. */
  technicianId: z.union([z.string().uuid(), z.literal("")]).optional(),
});
export type TLogTimeEntryInput = z.infer<typeof ZLogTimeEntryInput>;

/** One currency's volume tiers as the catalogue form sends them: JSON rows of hours and a typed rate. */
export const ZHourBankTiersForm = z
  .strictObject({
    productId: z.string().uuid(),
    currency: ZCurrency,
    tiers: z
      .string()
      .max(10_000)
      .transform((s, ctx) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "tiers must be JSON" });
          return z.NEVER;
        }
      })
      .pipe(z.array(z.strictObject({ fromHours: z.string().max(10), rate: z.string().max(20) })).max(20)),
  })
  .transform((v, ctx) => {
    const tiers = v.tiers.flatMap((t, i) => {
      const fromHours = /^\d{1,5}$/.test(t.fromHours.trim()) ? Number(t.fromHours.trim()) : Number.NaN;
      if (!Number.isInteger(fromHours) || fromHours < 1) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "fromHours"], message: "whole hours, at least 1", params: { code: "WHOLE_NUMBER_REQUIRED" } });
        return [];
      }
      try {
        const { amountMinor } = parseMoney(t.rate, v.currency);
        if (amountMinor < 0) throw new RangeError("negative");
        return [{ fromHours, rateMinor: amountMinor }];
      } catch {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "rate"], message: "must be an amount such as 95.00", params: { code: "NOT_AN_AMOUNT" } });
        return [];
      }
    });
    return { productId: v.productId, currency: v.currency, tiers };
  });
export type THourBankTiersInput = z.output<typeof ZHourBankTiersForm>;

/** The staff button that bills unbilled support time now (no input but who asks). */
export const ZBillSupportTimeInput = z.strictObject({ customerId: z.union([z.string().uuid(), z.literal("")]).optional() });

// ---- DTOs ----

export interface SupportBalanceDto {
  boughtMinutes: number;
  usedMinutes: number;
  remainingMinutes: number;
}

export interface HourBankDto {
  id: string;
  purchasedAt: string;
  hours: number;
  rateMinor: number;
  totalMinor: number;
  currency: string;
  invoiceId: string;
  invoiceNumber: string | null;
  usedMinutes: number;
  remainingMinutes: number;
}

export interface TimeEntryDto {
  id: string;
  workDate: string;
  ticketId: string;
  ticketReference: string;
  ticketSubject: string;
  technicianName: string;
  urgency: (typeof URGENCIES)[number];
  channel: (typeof CHANNELS)[number];
  activity: (typeof ACTIVITY_TYPES)[number];
  actualMinutes: number;
  chargedMinutes: number;
  bankMinutes: number;
  billableMinutes: number;
  travelChargedMinutes: number;
  travelDistanceMinor: number;
  note: string;
  billedInvoiceId: string | null;
  billedInvoiceNumber: string | null;
}

/** One point of the consumption chart: at the end of `on`, hours used and hours bought so far. */
export interface ConsumptionPointDto {
  on: string;
  usedHours: number;
  boughtHours: number;
}

/** The hourly rate of time no bank covers, in the customer's currency (null: none in the catalogue). */
export interface HourlyRateDto {
  rateMinor: number;
  currency: string;
}

export interface SupportOverviewDto {
  currency: string;
  /** Today in the customer's time zone (the chart runs to it). */
  today: string;
  balance: SupportBalanceDto;
  banks: HourBankDto[];
  entries: TimeEntryDto[];
  consumption: ConsumptionPointDto[];
  hourlyRate: HourlyRateDto | null;
}

/** A bank product the staff form can sell, with its tiers in the customer's currency. */
export interface BankOfferDto {
  productId: string;
  name: string;
  currency: string;
  tiers: { fromHours: number; rateMinor: number }[];
}

/** A ticket the time entry form offers. */
export interface TicketChoiceDto {
  id: string;
  reference: string;
  subject: string;
  urgency: (typeof URGENCIES)[number];
}

export interface TechnicianChoiceDto {
  id: string;
  name: string;
}

/** An hour-bank product's tiers in one currency, and its hourly rate there (the one-off price), for the catalogue form. */
export interface HourBankTiersDto {
  currency: string;
  tiers: { fromHours: number; rateMinor: number }[];
  hourlyRateMinor: number | null;
}
